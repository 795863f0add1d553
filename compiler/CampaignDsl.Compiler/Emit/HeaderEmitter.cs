using CampaignDsl.Compiler.Ast;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// The campaign header: its settings, each as written the first time (a repeat is the checks' business),
/// else the project's default from campaignc.yaml. A campaign without <c>type</c> is <c>custom</c>.
/// </summary>
internal static class HeaderEmitter
{
    public static PlanCampaign Emit(EmitContext context)
    {
        var campaign = context.Scope.Campaign;
        var defaults = context.Options.Configuration.Defaults;
        var settings = new Dictionary<string, Expression>(StringComparer.Ordinal);
        foreach (var setting in campaign.Settings.Where(s => !s.Key.IsMissing))
        {
            settings.TryAdd(setting.Key.Name, setting.Value);
        }

        string? Text(string key) => settings.GetValueOrDefault(key) is StringLiteral text ? text.Value : null;

        var type = settings.GetValueOrDefault("type") is NameReference { Parts.Length: 1 } name ? name.Name : "custom";
        var tags = settings.GetValueOrDefault("tags") is ListExpression list ? list.Items.OfType<StringLiteral>().Select(t => t.Value) : [];
        return new PlanCampaign(
            context.Id("campaign", campaign),
            campaign.Name.Name,
            campaign.Title?.Value,
            type,
            Text("description"),
            Text("owner") ?? defaults.Owner,
            Text("from") ?? defaults.From,
            Text("reply_to") ?? defaults.ReplyTo,
            Text("timezone") ?? defaults.TimeZone,
            [.. tags]);
    }
}
