namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// The engines the runtime knows, chosen by a template's file extension or by the engine name a plan
/// records. Handlebars renders <c>.hbs</c>, <c>.handlebars</c>, <c>.html</c>, <c>.htm</c> and <c>.txt</c>
/// files and every subject line, preheader and inline body (the compiler checks all of them as
/// Handlebars). Scriban renders <c>.sbn</c>, <c>.scriban</c> (text) and <c>.sbn-html</c>, <c>.scriban-html</c>
/// (HTML, model strings escaped) files (<see cref="ScribanTemplateEngine"/>); another engine is one <see cref="With"/>.
/// </summary>
public sealed class TemplateEngines
{
    /// <summary>The engine for inline email bodies.</summary>
    public const string InlineEngine = HandlebarsTemplateEngine.EngineName;

    /// <summary>The engine for subject lines, preheaders and inline SMS and push bodies: Handlebars that escapes nothing.</summary>
    public const string PlainTextEngine = HandlebarsTemplateEngine.PlainTextName;

    // Each HTML engine's plain-text form, for a template written in it that renders plain text (an SMS body, an email's text part).
    private static readonly Dictionary<string, string> PlainTextForms = new(StringComparer.Ordinal)
    {
        [HandlebarsTemplateEngine.EngineName] = HandlebarsTemplateEngine.PlainTextName,
        [ScribanTemplateEngine.HtmlEngineName] = ScribanTemplateEngine.TextEngineName,
    };

    private readonly Dictionary<string, ITemplateEngine> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ITemplateEngine> _byExtension = new(StringComparer.OrdinalIgnoreCase);

    private TemplateEngines()
    {
    }

    public static TemplateEngines BuiltIn => new TemplateEngines().With(new HandlebarsTemplateEngine()).With(new HandlebarsTemplateEngine(escapesHtml: false))
        .With(ScribanTemplateEngine.Text).With(ScribanTemplateEngine.Html);

    public IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public IEnumerable<string> Extensions => _byExtension.Keys.Order(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="engine"/>; it takes over the extensions it lists.</summary>
    public TemplateEngines With(ITemplateEngine engine)
    {
        _byName[engine.Name] = engine;
        foreach (var extension in engine.Extensions)
        {
            _byExtension[extension] = engine;
        }

        return this;
    }

    public ITemplateEngine? FindByName(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The engine for a template file, by its extension; null when no engine renders it.</summary>
    public ITemplateEngine? FindForPath(string path) => _byExtension.GetValueOrDefault(Path.GetExtension(path));

    /// <summary>The engine a plan's template names, else the one its extension selects.</summary>
    public ITemplateEngine? Find(string path, string? engineName) =>
        (engineName is null ? null : FindByName(engineName)) ?? FindForPath(path);

    /// <summary>The form of <paramref name="engine"/> that renders plain text: the same language, nothing escaped.</summary>
    public ITemplateEngine PlainTextOf(ITemplateEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return PlainTextForms.TryGetValue(engine.Name, out var name) && FindByName(name) is { } plain ? plain : engine;
    }

    public string Describe() => $"the engines are {string.Join(", ", Names)} for {string.Join(", ", Extensions)}";
}
