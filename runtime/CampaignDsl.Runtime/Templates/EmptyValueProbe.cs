namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// Finds the incentive values a message would print empty: <c>incentive.code</c> of an incentive without a code
/// pattern, <c>incentive.expires_at</c> of one that never expires, any <c>incentive.*</c> of a send that carries
/// none. The message is rendered again with a marker in each such value; when the marker shows and removing it
/// gives the message as rendered, the value is printed where the contact would read nothing (a use guarded by
/// <c>{{#if incentive.code}}</c> changes more than the marker, and is left alone). Works for every engine, since
/// it only looks at the output.
/// </summary>
internal static class EmptyValueProbe
{
    private const string Prefix = "CDSLEMPTYVALUE";

    /// <summary>The values this message's model leaves empty that a template may show, with why; empty when there are none.</summary>
    public static IReadOnlyList<(string Field, string Why)> AbsentValues(MessageContext context)
    {
        if (context.Send.Incentive is not { } name)
        {
            return [("name", "the send carries no incentive"), ("title", "the send carries no incentive"),
                ("code", "the send carries no incentive"), ("expires_at", "the send carries no incentive")];
        }

        if (context.Plan.Incentives.FirstOrDefault(i => i.Name == name) is not { } incentive)
        {
            return [];
        }

        var absent = new List<(string, string)>();
        if (incentive.CodePattern is null)
        {
            absent.Add(("code", $"incentive '{name}' has no code pattern"));
        }

        if (incentive.Expiry is null)
        {
            absent.Add(("expires_at", $"incentive '{name}' never expires"));
        }

        return absent;
    }

    /// <summary>The model with a marker in each absent value.</summary>
    public static Dictionary<string, object?> Marked(IReadOnlyDictionary<string, object?> model, IReadOnlyList<(string Field, string Why)> absent)
    {
        var marked = new Dictionary<string, object?>(model, StringComparer.Ordinal);
        var incentive = model.TryGetValue("incentive", out var value) && value is IReadOnlyDictionary<string, object?> fields
            ? new Dictionary<string, object?>(fields, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (field, _) in absent)
        {
            incentive[field] = Marker(field);
        }

        marked["incentive"] = incentive;
        return marked;
    }

    /// <summary>The problems of one rendered part: each absent value it prints unguarded.</summary>
    public static IEnumerable<string> Problems(string what, string rendered, string probed, IReadOnlyList<(string Field, string Why)> absent)
    {
        var unmarked = probed;
        foreach (var (field, _) in absent)
        {
            unmarked = unmarked.Replace(Marker(field), "", StringComparison.Ordinal);
        }

        if (!string.Equals(unmarked, rendered, StringComparison.Ordinal))
        {
            yield break;
        }

        foreach (var (field, why) in absent.Where(a => probed.Contains(Marker(a.Field), StringComparison.Ordinal)))
        {
            yield return $"{what}: shows {{{{incentive.{field}}}}}, which is empty here ({why}); the message is not sent";
        }
    }

    private static string Marker(string field) => Prefix + field.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
}
