using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// The policies of every <c>policy</c> block, the first of each kind counting (repeats are the checks'
/// business), with the project's send window and quiet hours from campaignc.yaml where the campaign sets none.
/// </summary>
internal static class PolicyEmitter
{
    public static PlanPolicies Emit(EmitContext context)
    {
        var items = context.Scope.Campaign.Policies.SelectMany(p => p.Items).ToList();
        var settings = new Dictionary<string, PolicySetting>(StringComparer.Ordinal);
        foreach (var setting in items.OfType<PolicySetting>().Where(s => !s.Key.IsMissing))
        {
            settings.TryAdd(setting.Key.Name, setting);
        }

        var defaults = context.Options.Configuration.Defaults;
        return new PlanPolicies(
            Window(context, settings.GetValueOrDefault("send_window"), defaults.SendWindow),
            Window(context, settings.GetValueOrDefault("quiet_hours"), defaults.QuietHours),
            items.OfType<FrequencyCap>().FirstOrDefault() is { } cap
                ? new PlanCap(context.Id("policy.cap", cap), (int)cap.Count.Value, PlanValues.Seconds(cap.Period), PlanCap.Defer)
                : null,
            settings.GetValueOrDefault("holdout") is { Value: Ast.PercentLiteral percent } holdout
                ? new PlanHoldout(context.Id("policy.holdout", holdout), percent.Value)
                : null,
            settings.GetValueOrDefault("send_time_optimization") is { } optimization
                ? new PlanSendTimeOptimization(context.Id("policy.send_time_optimization", optimization), IsOn(optimization.Value))
                : null,
            items.OfType<Goal>().FirstOrDefault() is { } goal
                ? new PlanGoal(context.Id("policy.goal", goal), goal.Event.Name, PlanValues.Seconds(goal.Within))
                : null,
            Exits(context, items.OfType<ExitRule>()),
            items.OfType<Handoff>().FirstOrDefault() is { } handoff
                ? new PlanHandoff(context.Id("policy.handoff", handoff), handoff.Campaign.Name)
                : null,
            items.OfType<FinalAction>().FirstOrDefault() is { } final
                ? new PlanFinalAction(context.Id("policy.finally", final), final.Action.Name, final.Argument?.Value)
                : null);
    }

    private static PlanDailyWindow? Window(EmitContext context, PolicySetting? setting, DailyWindow? configured) => setting switch
    {
        { Value: TimeRangeLiteral range } =>
            new PlanDailyWindow(context.Id($"policy.{setting.Key.Name}", setting), PlanValues.Time(range.Start.Value), PlanValues.Time(range.End.Value)),
        _ when configured is { } window => new PlanDailyWindow(null, PlanValues.Time(window.Start), PlanValues.Time(window.End)),
        _ => null,
    };

    /// <summary><c>on</c>/<c>off</c> as written, or <c>true</c>/<c>false</c>.</summary>
    private static bool IsOn(Expression value) => value switch
    {
        BooleanLiteral boolean => boolean.Value,
        NameReference { Name: "on" } => true,
        _ => false,
    };

    private static ImmutableArray<PlanExit> Exits(EmitContext context, IEnumerable<ExitRule> rules) =>
    [
        .. rules.Select((rule, i) =>
        {
            var id = context.Id(string.Create(CultureInfo.InvariantCulture, $"policy.exit.{i}"), rule);
            return new PlanExit(id, context.Expression(rule.Condition, id + ".when"));
        }),
    ];
}
