namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Which template files are Scriban, and the engine name the plan records for them: <c>scriban</c>
/// for text (<c>.sbn</c>, <c>.scriban</c>, <c>.sbn-txt</c>, <c>.scriban-txt</c>) and <c>scriban-html</c> for HTML
/// (<c>.sbn-html</c>, <c>.scriban-html</c>, <c>.sbn-htm</c>, <c>.scriban-htm</c>), whose model strings the runtime
/// escapes. Every other file is Handlebars. The runtime's <c>ScribanTemplateEngine</c> lists the same extensions.
/// </summary>
public static class ScribanTemplates
{
    public const string TextEngine = "scriban";

    public const string HtmlEngine = "scriban-html";

    public static IReadOnlyList<string> TextExtensions { get; } = [".sbn", ".scriban", ".sbn-txt", ".scriban-txt"];

    public static IReadOnlyList<string> HtmlExtensions { get; } = [".sbn-html", ".scriban-html", ".sbn-htm", ".scriban-htm"];

    /// <summary>The Scriban engine for <paramref name="path"/>, or null when it is a Handlebars template.</summary>
    public static string? EngineFor(string path)
    {
        var extension = Path.GetExtension(path);
        return TextExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? TextEngine
            : HtmlExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) ? HtmlEngine
            : null;
    }
}
