using System.Globalization;
using HandlebarsDotNet;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// Handlebars.Net configured to render as handlebars.js does: <c>{{x}}</c> HTML-escaped with
/// handlebars.js's own escaping (<see cref="HandlebarsJsEncoder"/>), <c>{{{x}}}</c> raw, numbers in
/// invariant form, and <c>true</c>/<c>false</c> printed in lower case (<see cref="JsValueFormatters"/>).
/// Whitespace around chained <c>{{else if}}</c> blocks follows handlebars.js (<see cref="HandlebarsJsCompatibility"/>).
/// Each engine has its own Handlebars environment, so helpers registered here do not leak.
/// <para>
/// The plain-text form (<see cref="PlainTextName"/>) writes <c>{{x}}</c> as it is: subject lines, preheaders, SMS and
/// push bodies and the text part of an email are plain text, where an entity would show as <c>&amp;#x27;</c>.
/// </para>
/// </summary>
public sealed class HandlebarsTemplateEngine : ITemplateEngine
{
    public const string EngineName = "handlebars";

    /// <summary>The name of the plain-text form, which escapes nothing and claims no file extension.</summary>
    public const string PlainTextName = "handlebars-text";

    private readonly IHandlebars _handlebars;

    public HandlebarsTemplateEngine(bool escapesHtml = true)
    {
        Name = escapesHtml ? EngineName : PlainTextName;
        Extensions = escapesHtml ? [".hbs", ".handlebars", ".html", ".htm", ".txt"] : [];
        var configuration = new HandlebarsConfiguration
        {
            TextEncoder = escapesHtml ? new HandlebarsJsEncoder() : new PlainTextEncoder(),
            FormatProvider = CultureInfo.InvariantCulture,
        };
        configuration.FormatterProviders.Add(new JsValueFormatters());
        _handlebars = Handlebars.Create(configuration);
        _handlebars.RegisterHelper(HandlebarsJsCompatibility.TextHelper, (output, context, arguments) =>
        {
            if (arguments.Length == 1 && arguments[0] is string text)
            {
                output.Write(text, false);
            }
        });
        // A plugin function is a helper too: `{{loyalty_tier contact.total_spent}}` (docs/configuration.md, "Plugins").
        foreach (var function in Plugins.PluginFunctions.All.Values)
        {
            _handlebars.RegisterHelper(function.Name, (output, context, arguments) =>
            {
                if (function.Invoke([.. arguments.Select(Plugins.PluginValues.FromTemplate)]) is { } value)
                {
                    output.Write(Plugins.PluginValues.ToTemplate(value));
                }
            });
        }
    }

    public string Name { get; }

    public IReadOnlyList<string> Extensions { get; }

    public TemplateCompilation Compile(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            return new TemplateCompilation.Compiled(new Compiled(_handlebars.Compile(HandlebarsJsCompatibility.Rewrite(text))));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Handlebars.Net throws HandlebarsException for most bad templates but plain .NET
            // exceptions for some (`{{#if}}`); all mean the template does not compile.
            return new TemplateCompilation.Failed(Describe(e));
        }
    }

    internal static string Describe(Exception e) =>
        string.Join(' ', e.Message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).TrimEnd(':');

    private sealed class Compiled(HandlebarsTemplate<object, object> template) : ICompiledTemplate
    {
        public TemplateRendering Render(IReadOnlyDictionary<string, object?> model)
        {
            try
            {
                return new TemplateRendering.Rendered(template(model));
            }
            catch (Exception e) when (e is not OutOfMemoryException && Plugins.PluginStoppedException.In(e) is null)
            {
                // A plugin helper stopped by its limits stops the command, in simulate and run alike (docs/security.md).
                return new TemplateRendering.Failed(Describe(e));
            }
        }
    }
}
