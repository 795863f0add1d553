using System.Collections.Frozen;

namespace CampaignDsl.Compiler.Templates;

/// <summary>Templates held in memory by path (relative to nothing: <c>templates/x.hbs</c>), for tests and tools that have no files.</summary>
public sealed class InMemoryTemplateSource : ITemplateSource
{
    private readonly FrozenDictionary<string, byte[]> _files;
    private readonly IReadOnlyList<string> _folders;

    public InMemoryTemplateSource(IEnumerable<KeyValuePair<string, byte[]>> files, IReadOnlyList<string>? templateFolders = null)
    {
        _files = files.ToFrozenDictionary(f => TemplatePaths.Normalize(f.Key.Replace('\\', '/')), f => f.Value, StringComparer.Ordinal);
        _folders = templateFolders ?? [];
    }

    /// <summary>Templates given as text, stored as UTF-8.</summary>
    public static InMemoryTemplateSource FromText(IEnumerable<KeyValuePair<string, string>> files) =>
        new(files.Select(f => KeyValuePair.Create(f.Key, System.Text.Encoding.UTF8.GetBytes(f.Value))));

    public TemplateLookup Find(string campaignPath, string templatePath)
    {
        var first = TemplatePaths.Combine(TemplatePaths.FolderOf(campaignPath), templatePath);
        foreach (var candidate in _folders.Select(f => TemplatePaths.Combine(f, templatePath)).Prepend(first))
        {
            if (_files.TryGetValue(candidate, out var content))
            {
                return new TemplateLookup.Found(candidate, content);
            }
        }

        var folder = TemplatePaths.FolderOf(first);
        return new TemplateLookup.Missing(first, [.. _files.Keys.Where(k => TemplatePaths.FolderOf(k) == folder).Select(k => k[(k.LastIndexOf('/') + 1)..])]);
    }
}
