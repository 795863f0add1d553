namespace CampaignDsl.Compiler.Templates;

/// <summary>A template as the checks receive it: analysed, or why it could not be.</summary>
public abstract record LoadedTemplate(string Path)
{
    public sealed record Analysed(string Path, TemplateAnalysis Analysis) : LoadedTemplate(Path);

    /// <summary>No such file; <paramref name="Neighbours"/> are the names of the files in the folder it was looked for in.</summary>
    public sealed record NotFound(string Path, IReadOnlyList<string> Neighbours) : LoadedTemplate(Path);

    /// <summary>The file could not be read; <paramref name="Reason"/> is the system's message.</summary>
    public sealed record Unreadable(string Path, string Reason) : LoadedTemplate(Path);

    /// <summary>The path leaves the project, so the file was not read; <paramref name="Reason"/> says how.</summary>
    public sealed record Outside(string Path, string Reason) : LoadedTemplate(Path);

    /// <summary>The file is not UTF-8 text; <paramref name="Text"/> is what could be decoded, for locating the problem.</summary>
    public sealed record NotText(string Path, Text.SourceText Text, Text.TextDecodeProblem Problem) : LoadedTemplate(Path);
}
