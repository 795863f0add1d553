using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Configuration;

/// <summary>The <c>templates:</c> section: the folders searched, in order, for the template files campaigns name; full paths.</summary>
public sealed record TemplateSettings(ImmutableArray<string> Folders)
{
    public static TemplateSettings None { get; } = new([]);
}
