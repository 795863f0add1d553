using System.Collections.Concurrent;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// The templates of one compilation: each is looked up, read, decoded and analysed once, however many
/// sends (in however many files, checked in parallel) name it. Sharing one analysis also makes the
/// diagnostics of a template shared by several sends equal, so the compilation reports them once.
/// </summary>
public sealed class TemplateLibrary(ITemplateSource source)
{
    private readonly ConcurrentDictionary<(string Folder, string Template), Lazy<LoadedTemplate>> _byName = new();
    private readonly ConcurrentDictionary<string, Lazy<LoadedTemplate>> _byPath = new(StringComparer.Ordinal);

    public LoadedTemplate Load(string campaignPath, string templatePath) =>
        _byName.GetOrAdd((TemplatePaths.FolderOf(campaignPath), templatePath),
            _ => new Lazy<LoadedTemplate>(() => Resolve(campaignPath, templatePath))).Value;

    private LoadedTemplate Resolve(string campaignPath, string templatePath) => source.Find(campaignPath, templatePath) switch
    {
        TemplateLookup.Found found => _byPath.GetOrAdd(found.Path, _ => new Lazy<LoadedTemplate>(() => Analyse(found))).Value,
        TemplateLookup.Missing missing => new LoadedTemplate.NotFound(missing.Path, missing.Neighbours),
        TemplateLookup.Failed failed => new LoadedTemplate.Unreadable(failed.Path, failed.Reason),
        TemplateLookup.Outside outside => new LoadedTemplate.Outside(outside.Path, outside.Reason),
        var other => throw new InvalidOperationException($"unknown template lookup {other.GetType().Name}"),
    };

    private static LoadedTemplate Analyse(TemplateLookup.Found found)
    {
        var (text, problem) = TemplateDecoder.Decode(found.Path, found.Content);
        return problem is null
            ? new LoadedTemplate.Analysed(found.Path, ScribanTemplates.EngineFor(found.Path) is null ? TemplateAnalyzer.Analyze(text) : ScribanAnalyzer.Analyze(text))
            : new LoadedTemplate.NotText(found.Path, text, problem);
    }
}
