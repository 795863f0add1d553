namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Finds the template a send names. <c>send email "templates/x.hbs"</c> in <c>campaigns/a.campaign</c>
/// is looked for relative to the campaign file's folder (<c>campaigns/templates/x.hbs</c>), then in any
/// template folders the implementation was configured with. Paths keep the form the campaign path has
/// (relative stays relative), since they are printed in diagnostics.
/// </summary>
public interface ITemplateSource
{
    TemplateLookup Find(string campaignPath, string templatePath);
}

/// <summary>What looking for a template found.</summary>
public abstract record TemplateLookup(string Path)
{
    /// <summary>The template at <paramref name="Path"/>, read as bytes (at most <see cref="TemplateDecoder.MaxBytes"/> and one more).</summary>
    public sealed record Found(string Path, byte[] Content) : TemplateLookup(Path);

    /// <summary>No file at <paramref name="Path"/> (or in any other folder searched); <paramref name="Neighbours"/> are the file names in its folder.</summary>
    public sealed record Missing(string Path, IReadOnlyList<string> Neighbours) : TemplateLookup(Path);

    /// <summary>The file exists but could not be read; <paramref name="Reason"/> is the system's message.</summary>
    public sealed record Failed(string Path, string Reason) : TemplateLookup(Path);

    /// <summary>The path leaves the project (<see cref="Files.ProjectRoot"/>): nothing was read; <paramref name="Reason"/> says how.</summary>
    public sealed record Outside(string Path, string Reason) : TemplateLookup(Path);
}
