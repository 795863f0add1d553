using System.Collections;
using System.Globalization;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// Scriban (the <c>Scriban.Signed</c> package) for <c>.sbn</c>/<c>.scriban</c> text templates (engine
/// <c>scriban</c>) and <c>.sbn-html</c>/<c>.scriban-html</c> HTML templates (engine <c>scriban-html</c>).
/// Templates see the same model as Handlebars (<see cref="MessageModel"/>), names exactly as written
/// there (<c>first_name</c>, <c>incentive.expires_at</c>). Scriban does not escape output, so the HTML
/// engine escapes every string of the model before rendering, as handlebars.js escapes <c>{{x}}</c>
/// (<see cref="HandlebarsJsEncoder"/>): contact data cannot inject markup, and links stay valid in <c>href</c>.
/// Rendering is sandboxed: no <c>include</c> (there is no template loader), at most
/// <see cref="LoopLimit"/> loop iterations, <see cref="RecursiveLimit"/> nested calls,
/// <see cref="OutputLimit"/> characters, and <see cref="Timeout"/> of rendering.
/// </summary>
public sealed class ScribanTemplateEngine : ITemplateEngine
{
    public const string TextEngineName = "scriban";

    public const string HtmlEngineName = "scriban-html";

    public const int LoopLimit = 10_000;

    public const int RecursiveLimit = 20;

    public const int OutputLimit = 1_000_000;

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private ScribanTemplateEngine(string name, bool escapesHtml, IReadOnlyList<string> extensions)
    {
        Name = name;
        EscapesHtml = escapesHtml;
        Extensions = extensions;
    }

    /// <summary>Text templates, rendered as written: <c>.sbn</c>, <c>.scriban</c>, <c>.sbn-txt</c>, <c>.scriban-txt</c>.</summary>
    public static ScribanTemplateEngine Text { get; } = new(TextEngineName, false, [".sbn", ".scriban", ".sbn-txt", ".scriban-txt"]);

    /// <summary>HTML templates, every model string escaped: <c>.sbn-html</c>, <c>.scriban-html</c>, <c>.sbn-htm</c>, <c>.scriban-htm</c>.</summary>
    public static ScribanTemplateEngine Html { get; } = new(HtmlEngineName, true, [".sbn-html", ".scriban-html", ".sbn-htm", ".scriban-htm"]);

    public string Name { get; }

    public bool EscapesHtml { get; }

    public IReadOnlyList<string> Extensions { get; }

    public TemplateCompilation Compile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var template = Template.Parse(text);
        if (template.HasErrors)
        {
            var first = template.Messages.First(m => m.Type == ParserMessageType.Error);
            return new TemplateCompilation.Failed(Position(first.Span) + first.Message);
        }

        return new TemplateCompilation.Compiled(new Compiled(template, EscapesHtml));
    }

    private static string Position(SourceSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"line {span.Start.Line + 1}, column {span.Start.Column + 1}: ");

    /// <summary>The model as Scriban objects: dictionaries become <see cref="ScriptObject"/>s with the same keys, lists <see cref="ScriptArray"/>s.</summary>
    internal static ScriptObject ToScriptObject(IEnumerable<KeyValuePair<string, object?>> model, bool escapeHtml)
    {
        var result = new ScriptObject(StringComparer.Ordinal);
        foreach (var (key, value) in model)
        {
            result[key] = ToScriptValue(value, escapeHtml);
        }

        return result;
    }

    private static object? ToScriptValue(object? value, bool escapeHtml) => value switch
    {
        null => null,
        string text => escapeHtml ? Escape(text) : text,
        IEnumerable<KeyValuePair<string, object?>> map => ToScriptObject(map, escapeHtml),
        IEnumerable list and not string => new ScriptArray(list.Cast<object?>().Select(item => ToScriptValue(item, escapeHtml))),
        _ => value,
    };

    private static string Escape(string text)
    {
        using var writer = new StringWriter(new StringBuilder(text.Length), CultureInfo.InvariantCulture);
        new HandlebarsJsEncoder().Encode(text, writer);
        return writer.ToString();
    }

    private sealed class Compiled(Template template, bool escapeHtml) : ICompiledTemplate
    {
        public TemplateRendering Render(IReadOnlyDictionary<string, object?> model)
        {
            ArgumentNullException.ThrowIfNull(model);
            using var timeout = new CancellationTokenSource(Timeout);
            var context = new TemplateContext
            {
                LoopLimit = ScribanTemplateEngine.LoopLimit,
                LoopLimitQueryable = ScribanTemplateEngine.LoopLimit,
                RecursiveLimit = ScribanTemplateEngine.RecursiveLimit,
                OutputLimit = ScribanTemplateEngine.OutputLimit,
                OnOutputLimit = ScriptLimitBehavior.Throw,
                TemplateLoader = null,
                MemberRenamer = member => member.Name,
                CancellationToken = timeout.Token,
                StrictVariables = false,
            };
            context.PushCulture(CultureInfo.InvariantCulture);
            context.PushGlobal(ToScriptObject(model, escapeHtml));
            try
            {
                return new TemplateRendering.Rendered(template.Render(context));
            }
            catch (ScriptAbortException)
            {
                return new TemplateRendering.Failed($"rendering took longer than {Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s and was stopped");
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return new TemplateRendering.Failed(HandlebarsTemplateEngine.Describe(e));
            }
        }
    }
}
