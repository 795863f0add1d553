namespace CampaignDsl.Plan;

/// <summary>
/// A named condition. Expressions refer to it by name (<see cref="SegmentReference"/>); the plan lists
/// every segment its expressions use, each after the segments it uses itself, so a reader can
/// translate them in order (as SQL common table expressions, say).
/// </summary>
public sealed record PlanSegment(string Id, string Name, PlanExpression Condition);
