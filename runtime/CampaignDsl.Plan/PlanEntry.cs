namespace CampaignDsl.Plan;

/// <summary>
/// How contacts enter. <see cref="Mode"/> is one of <see cref="EntryModes"/>: <c>once</c> (the audience
/// when the campaign starts), <c>daily</c> (a contact enters on the first day it matches), <c>event</c>
/// (when <see cref="Event"/> happens and <see cref="When"/> holds for it), <c>date</c> (on the date in
/// <see cref="Attribute"/>) or <c>anniversary</c> (every year on that date's day and month).
/// <see cref="At"/> is the local time (<c>HH:mm</c>) of a date or anniversary entry. <see cref="Id"/>
/// is null when the campaign does not say and the default (<c>once</c>) applies.
/// </summary>
public sealed record PlanEntry(string? Id, string Mode, string? Event, string? Attribute, string? At, PlanExpression? When);

/// <summary>The values of <see cref="PlanEntry.Mode"/>.</summary>
public static class EntryModes
{
    public const string Once = "once";
    public const string Daily = "daily";
    public const string Event = "event";
    public const string Date = "date";
    public const string Anniversary = "anniversary";
}
