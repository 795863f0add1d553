namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>
/// Diagnostics of paths a project names (CDSL0150): every file a campaign or campaignc.yaml names stays inside the
/// project root, the folder of campaignc.yaml or, without one, the campaign's own folder. docs/security.md.
/// </summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor PathLeavesProject = Error("CDSL0150", "Path leaves the project",
        "Every file a campaign or campaignc.yaml names (templates, imports, plugin scripts and what they `#load`, template folders, and in `runtime:` the data files, stores, outbox and state) must be inside the project: the folder of campaignc.yaml, or the campaign's own folder when there is none. An absolute path, a `..` that climbs out, or a symbolic link that leads out is refused, and the file is not read. Copy the file into the project, or move campaignc.yaml up to a folder that holds both. Files given on the command line (`import --contacts/--events`, `--data`, `--state`, `--outbox`) are the user's choice and are not affected.");

    public static Diagnostic PathOutsideProject(SourceLocation at, string what, string reason) =>
        PathLeavesProject.Create(at, $"{what} refused: {reason}");
}
