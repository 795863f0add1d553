using System.Collections.Immutable;

namespace CampaignDsl.Runtime.Data.Sql;

/// <summary>
/// A condition pushed down to SQL: <see cref="Where"/> is a boolean expression over the contacts table
/// (aliased <c>c</c>) that is never NULL, and <see cref="Parameters"/> holds every value it uses, in the
/// order of their placeholders. Values are never written into the text.
/// </summary>
public sealed record SqlCondition(string Where, ImmutableArray<object?> Parameters);

/// <summary>
/// The result of translating a plan condition: either a <see cref="Condition"/>, or the reason it cannot
/// be pushed down (<see cref="NotTranslatable"/>, naming the construct and its node id), in which case the
/// caller evaluates it in memory.
/// </summary>
public sealed record SqlTranslation(SqlCondition? Condition, string? NotTranslatable)
{
    public bool Succeeded => Condition is not null;

    public static SqlTranslation Of(SqlCondition condition) => new(condition, null);

    public static SqlTranslation Refused(string reason) => new(null, reason);
}
