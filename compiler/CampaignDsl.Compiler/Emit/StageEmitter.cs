using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// The stages as a state machine: each with its index, its timing made explicit (a stage without
/// <c>after</c> waits zero; without <c>from</c> it counts from the previous stage, the first from entry),
/// the stage after it, its conditions and what it does.
/// </summary>
internal static class StageEmitter
{
    public static ImmutableArray<PlanStage> Emit(EmitContext context)
    {
        var stages = context.Scope.Campaign.Stages.ToList();
        var result = ImmutableArray.CreateBuilder<PlanStage>(stages.Count);
        for (var index = 0; index < stages.Count; index++)
        {
            var stage = stages[index];
            var name = stage.Name.Name;
            var id = context.Id($"stage.{name}", stage);
            var previous = index == 0 ? null : stages[index - 1].Name.Name;
            result.Add(new PlanStage(
                id,
                name,
                index,
                Timing(context, stage, id, previous),
                index + 1 < stages.Count ? stages[index + 1].Name.Name : null,
                ActionsEmitter.Conditions(context, stage.Items, id),
                ActionsEmitter.Emit(context, stage.Items, id)));
        }

        return result.MoveToImmutable();
    }

    private static PlanTiming Timing(EmitContext context, StageDecl stage, string stageId, string? previous)
    {
        var (anchor, anchorStage) = stage.Timing?.Anchor switch
        {
            { IsMissing: false, Name: var name } when name != PlanTiming.Entry => (PlanTiming.Stage, name),
            { IsMissing: false } => (PlanTiming.Entry, null),
            _ when previous is not null => (PlanTiming.Stage, previous),
            _ => (PlanTiming.Entry, (string?)null),
        };

        if (stage.Timing is not { } timing)
        {
            return new PlanTiming(null, 0, 0, anchor, anchorStage);
        }

        var min = PlanValues.Seconds(timing.Earliest);
        var max = timing.Latest is { } latest ? PlanValues.Seconds(latest) : min;
        return new PlanTiming(context.Id($"{stageId}.timing", timing), min, max, anchor, anchorStage);
    }
}
