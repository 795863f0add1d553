using System.Collections.Frozen;

namespace CampaignDsl.Runtime.Data.Sql;

/// <summary>
/// What the translator needs to know about the data: the kind each custom attribute holds. The in-memory
/// evaluator types an attribute by the value it finds, so SQL can only mirror it when every contact holds the
/// attribute in one kind; an attribute stored in several kinds is not pushed down. A name that no contact has
/// is unknown for everyone.
/// </summary>
public sealed record SqlSchema(FrozenDictionary<string, IReadOnlySet<DataValueKind>> AttributeKinds)
{
    public static SqlSchema Empty { get; } = new(FrozenDictionary<string, IReadOnlySet<DataValueKind>>.Empty);
}
