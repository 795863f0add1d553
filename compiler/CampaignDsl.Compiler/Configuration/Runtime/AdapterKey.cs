using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Configuration.Runtime;

/// <summary>One key a runtime block of some kind takes; <paramref name="Example"/> is shown when a required one is missing.</summary>
public sealed record AdapterKey(string Name, AdapterValueKind Kind, bool Required, string Example)
{
    /// <summary>The values a <see cref="AdapterValueKind.Choice"/> key allows.</summary>
    public ImmutableArray<string> Choices { get; init; } = [];
}
