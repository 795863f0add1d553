using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Configuration.Runtime;

/// <summary>One kind of data source, sender or state store (<c>csv</c>, <c>smtp</c>, ...) and the keys it takes besides <c>kind</c>.</summary>
public sealed record AdapterKind(string Name, ImmutableArray<AdapterKey> Keys)
{
    public AdapterKey? Find(string key) => Keys.FirstOrDefault(k => k.Name == key);
}
