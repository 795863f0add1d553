using System.Buffers;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Analyses a Handlebars template: scans its tags, builds its block structure, lists the names it
/// looks up, and has Handlebars.Net compile it. The scanner's errors come with exact spans; the
/// engine is asked only when the scanner found nothing, and catches what the scanner does not know.
/// </summary>
public static class TemplateAnalyzer
{
    /// <summary>Characters that make a tag more than a name: arguments, sub-expressions, hash pairs, strings.</summary>
    private static readonly SearchValues<char> NotInPlainTags = SearchValues.Create(" \t\r\n()=\"'");

    /// <summary>A template file: always compiled by Handlebars.Net as well.</summary>
    public static TemplateAnalysis Analyze(string path, string text) => Analyze(new SourceText(path, text));

    /// <summary>A template file: always compiled by Handlebars.Net as well.</summary>
    public static TemplateAnalysis Analyze(SourceText source) => Analyze(source, alwaysCompile: true);

    /// <summary>
    /// A short text such as a subject line. Handlebars.Net is asked only when it holds more than
    /// <c>{{name}}</c> tags and comments, which the scanner reads completely; compiling costs
    /// milliseconds, and a project has thousands of subject lines.
    /// </summary>
    public static TemplateAnalysis AnalyzeText(string path, string text) => Analyze(new SourceText(path, text), alwaysCompile: false);

    private static TemplateAnalysis Analyze(SourceText source, bool alwaysCompile)
    {
        var (tokens, scanErrors) = HandlebarsScanner.Scan(source.Text);
        var errors = scanErrors.ToList();
        var nodes = new TemplateTreeBuilder(source, errors).Build(WhitespaceControl.Apply(tokens));
        var (references, helpers, partials, comments) = ReferenceCollector.Collect(nodes);
        if (errors.Count == 0 && (alwaysCompile || !OnlyPlainTags(source.Text, tokens))
            && HandlebarsEngineCheck.Compile(source, RawBlockNames(nodes)) is { } engineError)
        {
            errors.Add(engineError);
        }

        return new TemplateAnalysis(source, nodes, references, helpers, partials, comments,
            [.. errors.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length)]);
    }

    /// <summary>Only text, comments and <c>{{name}}</c> / <c>{{{name}}}</c> tags (not <c>{{&amp; name}}</c>, which Handlebars.Net refuses).</summary>
    private static bool OnlyPlainTags(string text, IEnumerable<TemplateToken> tokens) => tokens.All(token => token switch
    {
        TextToken => true,
        TagToken { Kind: TagKind.Comment } => true,
        TagToken { Kind: TagKind.Output or TagKind.UnescapedOutput } tag =>
            text.AsSpan(tag.Span.Start, tag.Span.Length).TrimStart("{~").TrimStart() is var inner && !inner.StartsWith("&")
            && text.AsSpan(tag.Content.Start, tag.Content.Length).Trim() is var content && content.Length > 0 && !content.ContainsAny(NotInPlainTags),
        _ => false,
    });

    private static IEnumerable<string> RawBlockNames(IEnumerable<TemplateNode> nodes) => nodes.SelectMany(node => node switch
    {
        RawBlockNode raw => [raw.Name],
        BlockNode block => block.Branches.SelectMany(b => RawBlockNames(b.Children)),
        _ => [],
    });
}
