using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Text;
using HandlebarsDotNet;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Compiles a template with Handlebars.Net, the engine that renders it, so that whatever the engine
/// itself refuses is reported before a send fails. Handlebars.Net 2.4 keeps its tokenizer and syntax
/// tree internal; what it offers publicly is this yes/no with a message, and for lexer errors a
/// position ("Occured at: line:column", both from zero). Compiling costs milliseconds, so results
/// are kept by content: a subject line or template used by many campaigns is compiled once.
/// </summary>
internal static partial class HandlebarsEngineCheck
{
    private const int MaxRemembered = 4096;

    private static readonly ConcurrentDictionary<string, Result> Remembered = new(StringComparer.Ordinal);

    public static TemplateSyntaxError? Compile(SourceText source, IEnumerable<string> rawBlockNames)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(source.Text)));
        if (Remembered.TryGetValue(key, out var known))
        {
            return known.Error;
        }

        if (Remembered.Count >= MaxRemembered)
        {
            Remembered.Clear();
        }

        return Remembered.GetOrAdd(key, new Result(CompileNow(source, rawBlockNames))).Error;
    }

    private static TemplateSyntaxError? CompileNow(SourceText source, IEnumerable<string> rawBlockNames)
    {
        // Only the parse matters here, so the expression trees are interpreted rather than compiled to IL.
        var configuration = new HandlebarsConfiguration();
        configuration.CompileTimeConfiguration.ExpressionCompiler = new InterpretingCompiler();
        var handlebars = Handlebars.Create(configuration);
        // Handlebars.Net only compiles a raw block whose helper exists; the runtime registers its own.
        foreach (var name in rawBlockNames.Distinct(StringComparer.Ordinal))
        {
            handlebars.RegisterHelper(name, (output, options, context, arguments) => options.Template(output, context));
        }

        try
        {
            handlebars.Compile(source.Text);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not only HandlebarsException: for some malformed templates the engine throws plain .NET
            // exceptions (`{{#if}}` gives InvalidOperationException); all of them mean "does not compile".
            return Describe(source, e);
        }
    }

    private static TemplateSyntaxError Describe(SourceText source, Exception exception)
    {
        var message = exception.Message;
        var span = new TextSpan(0, 0);
        if (Position().Match(message) is { Success: true } position)
        {
            var line = int.Parse(position.Groups["line"].Value, CultureInfo.InvariantCulture) + 1;
            var column = int.Parse(position.Groups["column"].Value, CultureInfo.InvariantCulture) + 1;
            span = new TextSpan(source.GetOffset(line, column), 0);
            message = message[..position.Index];
        }

        message = Whitespace().Replace(message, " ").Trim().TrimEnd(':').Trim();
        if (exception is not HandlebarsException)
        {
            message = $"{message} ({exception.GetType().Name})";
        }

        return new TemplateSyntaxError(span, TemplateSyntaxMessages.Engine(message));
    }

    [GeneratedRegex(@"\s*Occured at: ?(?<line>\d+):(?<column>\d+)")]
    private static partial Regex Position();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private sealed record Result(TemplateSyntaxError? Error);

    private sealed class InterpretingCompiler : IExpressionCompiler
    {
        public T Compile<T>(Expression<T> expression)
            where T : class, Delegate => expression.Compile(preferInterpretation: true);
    }
}
