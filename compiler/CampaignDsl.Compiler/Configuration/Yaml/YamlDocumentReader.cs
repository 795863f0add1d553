using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>
/// Reads campaignc.yaml into YamlDotNet's representation model, whose nodes keep their line and
/// column. Every way the file can fail to be one YAML document (encoding, tabs, syntax, repeated
/// keys, a second document, emptiness) becomes a diagnostic; nothing is thrown.
/// </summary>
internal static class YamlDocumentReader
{
    /// <summary>The file's text, and its root node: null when the file holds no document or could not be read.</summary>
    public static (SourceText Source, YamlNode? Root) Read(string path, ReadOnlySpan<byte> bytes, DiagnosticBag diagnostics)
    {
        var (source, error) = ConfigurationText.Decode(path, bytes);
        if (error is not null)
        {
            diagnostics.Add(error);
            return (source, null);
        }

        // Tabs would only produce a misleading parse error one line early; report them and stop.
        if (TabIndentation.Report(source, diagnostics))
        {
            return (source, null);
        }

        var root = Parse(source, diagnostics);
        if (root is null && !diagnostics.HasErrors)
        {
            diagnostics.Add(DiagnosticCatalog.ConfigurationEmpty(new SourceLocation(source, new TextSpan(0, 0))));
        }

        return (source, root);
    }

    private static YamlNode? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var parser = new CheckedYamlParser(new Parser(new StringReader(source.Text)));
        var stream = new YamlStream();
        try
        {
            stream.Load(parser);
        }
        catch (YamlException e)
        {
            ReportDuplicates(source, parser, diagnostics);
            diagnostics.Add(parser.TooDeepAt is { } deep
                ? DiagnosticCatalog.YamlSyntax(YamlLocation.At(source, deep, deep), YamlProblem.TooDeep, CheckedYamlParser.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture))
                : YamlErrors.Describe(source, e, parser.LastPosition));
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet fails some malformed input (an unclosed `[` followed by a plain value) with a
            // bare InvalidOperationException; an open `[` or `{` is the likely cause, else the last
            // event read is the best position known.
            ReportDuplicates(source, parser, diagnostics);
            diagnostics.Add(parser.OpenFlow is var (isMapping, start)
                ? DiagnosticCatalog.YamlSyntax(YamlLocation.At(source, start, start), isMapping ? YamlProblem.UnclosedBlock : YamlProblem.UnclosedList, "")
                : DiagnosticCatalog.YamlSyntax(YamlLocation.At(source, parser.LastPosition, parser.LastPosition), YamlProblem.Other, "reading stopped here"));
            return null;
        }

        ReportDuplicates(source, parser, diagnostics);
        if (parser.SecondDocument is { } second)
        {
            diagnostics.Add(DiagnosticCatalog.YamlSyntax(YamlLocation.DocumentMarker(source, second), YamlProblem.MoreThanOneDocument, ""));
        }

        var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        return root is null || YamlValues.IsNull(root) ? null : root;
    }

    private static void ReportDuplicates(SourceText source, CheckedYamlParser parser, DiagnosticBag diagnostics)
    {
        foreach (var (key, first) in parser.Duplicates)
        {
            diagnostics.Add(DiagnosticCatalog.ConfigurationKeyGivenTwice(YamlLocation.At(source, key.Start, key.End), key.Value, (int)first.Line));
        }
    }
}
