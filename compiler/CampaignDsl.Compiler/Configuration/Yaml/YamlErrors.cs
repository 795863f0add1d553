using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Text;
using YamlDotNet.Core;

namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>
/// Words YamlDotNet's parse errors for people who edit campaignc.yaml: its messages describe the
/// scanner's state ("while parsing a block mapping, did not find expected key"), not the fix.
/// </summary>
internal static class YamlErrors
{
    private static readonly (string Fragment, YamlProblem Problem)[] Known =
    [
        ("tab character", YamlProblem.Tab),
        ("invalid tab", YamlProblem.Tab),
        ("quoted scalar", YamlProblem.UnclosedQuote),
        ("flow sequence", YamlProblem.UnclosedList),
        ("flow mapping", YamlProblem.UnclosedBlock),
        ("invalid mapping", YamlProblem.ColonInValue),
        ("mapping values are not allowed", YamlProblem.ColonInValue),
        ("expected '-' indicator", YamlProblem.ListIndentation),
        ("did not find expected key", YamlProblem.Indentation),
        ("cannot start any token", YamlProblem.ReservedCharacter),
    ];

    public static Diagnostic Describe(SourceText source, YamlException error, Mark lastPosition)
    {
        if (error is AnchorNotFoundException)
        {
            return UnknownAlias(source, error.Message);
        }

        var problem = Known.FirstOrDefault(k => error.Message.Contains(k.Fragment, StringComparison.OrdinalIgnoreCase)).Problem;
        // Some errors carry no position (line 0); the last event read is the nearest one known.
        var at = error.Start.Line > 0 ? YamlLocation.At(source, error.Start, error.End) : YamlLocation.At(source, lastPosition, lastPosition);
        return DiagnosticCatalog.YamlSyntax(at, problem, Detail(error.Message));
    }

    // YamlDotNet reports an unknown alias at the start of the document, so the alias is looked up
    // in the text: the first `*name` not inside a quoted value is the one that failed.
    private static Diagnostic UnknownAlias(SourceText source, string message)
    {
        var quoteStart = message.IndexOf('\'', StringComparison.Ordinal);
        var quoteEnd = quoteStart < 0 ? -1 : message.IndexOf('\'', quoteStart + 1);
        var name = quoteEnd > quoteStart ? message[(quoteStart + 1)..quoteEnd] : "";
        var offset = name.Length == 0 ? -1 : source.Text.IndexOf("*" + name, StringComparison.Ordinal);
        var at = offset >= 0
            ? new SourceLocation(source, new TextSpan(offset, name.Length + 1))
            : new SourceLocation(source, new TextSpan(0, 0));
        return DiagnosticCatalog.YamlSyntax(at, YamlProblem.UnknownAlias, name);
    }

    // "While scanning a plain scalar, found X." reads as "found X" inside our sentence.
    private static string Detail(string message)
    {
        var comma = message.IndexOf(", ", StringComparison.Ordinal);
        var detail = message.StartsWith("While ", StringComparison.OrdinalIgnoreCase) && comma > 0 ? message[(comma + 2)..] : message;
        return detail.TrimEnd('.');
    }
}
