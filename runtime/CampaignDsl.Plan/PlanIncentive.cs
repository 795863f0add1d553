using System.Collections.Immutable;

namespace CampaignDsl.Plan;

/// <summary>
/// An offer as sends carry it, with inheritance resolved. <see cref="Chain"/> names the incentives it
/// refines, the most basic first, and itself last (<c>["back20", "vip40"]</c>); <see cref="Properties"/> are the
/// effective ones, by key in ordinal order, each from the nearest incentive in the chain that sets it.
/// <see cref="CodePattern"/> (<c>WB-{code:6}</c>) and <see cref="Title"/> are taken out of the properties.
/// </summary>
public sealed record PlanIncentive(
    string Id,
    string Name,
    string? Title,
    ImmutableArray<string> Chain,
    ImmutableArray<PlanIncentiveProperty> Properties,
    string? CodePattern,
    PlanExpiry? Expiry);

/// <summary><c>discount 20%</c>: a key and its value; a flag such as <c>free_shipping</c> has no value.</summary>
public sealed record PlanIncentiveProperty(string Id, string Key, PlanExpression? Value);

/// <summary>
/// When an incentive's code stops working: <see cref="Kind"/> <c>relative</c> (<see cref="AfterSeconds"/>
/// after <see cref="Anchor"/>, such as <c>send</c>) or <c>absolute</c> (on <see cref="Date"/>, at
/// <see cref="At"/> or else the end of that day, in the contact's time zone).
/// </summary>
public sealed record PlanExpiry(string Id, string Kind, long? AfterSeconds, string? Anchor, string? Date, string? At)
{
    public const string Relative = "relative";
    public const string Absolute = "absolute";
}
