namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// A template language the runtime renders messages with. Engines are chosen by the template file's
/// extension (<see cref="TemplateEngines"/>); a compiled template is reused for every contact.
/// </summary>
public interface ITemplateEngine
{
    /// <summary>The engine's name as plans write it (<c>handlebars</c>).</summary>
    string Name { get; }

    /// <summary>The file extensions it renders, lower case with the dot (<c>.hbs</c>).</summary>
    IReadOnlyList<string> Extensions { get; }

    /// <summary>Compiles <paramref name="text"/>; a template the engine refuses is a <see cref="TemplateCompilation.Failed"/>, never an exception.</summary>
    TemplateCompilation Compile(string text);
}

/// <summary>A template ready to render, with any model of plain values, dictionaries and lists.</summary>
public interface ICompiledTemplate
{
    /// <summary>Renders with <paramref name="model"/>; an error while rendering (an unknown helper) is a <see cref="TemplateRendering.Failed"/>.</summary>
    TemplateRendering Render(IReadOnlyDictionary<string, object?> model);
}

/// <summary>What compiling a template gave.</summary>
public abstract record TemplateCompilation
{
    public sealed record Compiled(ICompiledTemplate Template) : TemplateCompilation;

    /// <summary>The engine refused the template; <paramref name="Message"/> says why.</summary>
    public sealed record Failed(string Message) : TemplateCompilation;
}

/// <summary>What rendering a template gave.</summary>
public abstract record TemplateRendering
{
    public sealed record Rendered(string Text) : TemplateRendering;

    public sealed record Failed(string Message) : TemplateRendering;
}
