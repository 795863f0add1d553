using System.Security.Cryptography;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Files;
using CampaignDsl.Compiler.Templates;
using Campaignc.Output;
using CampaignDsl.Plan;

namespace Campaignc.Input;

/// <summary>A plan ready to run: its campaign file (as given, or beside the plan file) and the text of its templates.</summary>
public sealed record LoadedPlan(CampaignPlan Plan, string CampaignPath, TemplateTexts Templates);

/// <summary>
/// Reads the text of a plan's template files as the compiler found them: beside the campaign file, then in the
/// folders campaignc.yaml names. A file that changed since the plan was compiled (another SHA-256) is not used:
/// the message would differ from the one that was checked.
/// </summary>
public sealed class TemplateTexts(string campaignPath, IReadOnlyList<string> folders, Func<string, ProjectRoot> roots)
{
    private readonly FileSystemTemplateSource _source = new(folders, roots);

    /// <summary>
    /// The text of the <c>.txt</c> template beside <paramref name="template"/> (an email's text part), found as the template
    /// was; null when there is none, or with <paramref name="problem"/> when it is there but cannot be read.
    /// </summary>
    public string? ReadPlainText(PlanTemplate template, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(template);
        return SendRendering.PlainTextTemplate(_source, campaignPath, template.Path, out problem);
    }

    /// <summary>The template's text, or null with <paramref name="problem"/> saying why not.</summary>
    public string? Read(PlanTemplate template, out string? problem)
    {
        switch (_source.Find(campaignPath, template.Path))
        {
            case TemplateLookup.Found found when Convert.ToHexStringLower(SHA256.HashData(found.Content)) != template.Sha256:
                problem = $"template '{found.Path}' changed since the plan was compiled; compile the campaign again";
                return null;
            case TemplateLookup.Found found:
                problem = null;
                return TemplateDecoder.Decode(found.Path, found.Content).Text.Text;
            case var unusable:
                problem = SendRendering.Unusable(unusable);
                return null;
        }
    }
}

/// <summary>
/// The campaigns a command runs: <c>.plan.json</c> files as they are, and <c>.campaign</c> files or folders compiled
/// in-process with campaignc.yaml (their errors printed as validate prints them). Shared by simulate and run.
/// </summary>
public static class PlanInput
{
    public static bool IsPlan(string path) => path.EndsWith(".plan.json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The plans, or null with the exit code and the problems written to <paramref name="stderr"/>.</summary>
    public static List<LoadedPlan>? Load(IReadOnlyList<string> paths, ProjectConfiguration configuration, string cwd, TextWriter stderr, string verb, out int failure,
        System.Collections.Immutable.ImmutableArray<CampaignDsl.Compiler.Semantics.FunctionSignature> pluginFunctions = default)
    {
        failure = ExitCodes.Success;
        var folders = configuration.Templates.Folders;
        var roots = ProjectRoot.For(configuration.FilePath);
        var plans = new List<LoadedPlan>();
        foreach (var path in paths.Where(IsPlan))
        {
            var full = Path.GetFullPath(path, cwd);
            var read = PlanReader.ReadFile(full);
            if (!read.Succeeded)
            {
                failure = Usage(stderr, [read.Error!]);
                return null;
            }

            // A plan file is the user's choice, but the files it names are not: without campaignc.yaml they stay in its folder.
            var campaignPath = Path.Combine(Path.GetDirectoryName(full)!, read.Plan!.Source);
            var planRoots = configuration.FilePath is null ? ProjectRoot.For(full) : roots;
            plans.Add(new LoadedPlan(read.Plan, campaignPath, new TemplateTexts(campaignPath, folders, planRoots)));
        }

        var sources = paths.Where(p => !IsPlan(p)).ToList();
        if (sources.Count > 0)
        {
            var found = SourceFileFinder.Find(sources, cwd);
            if (found.Problems.Count > 0)
            {
                failure = Usage(stderr, found.Problems);
                return null;
            }

            // The campaigns are compiled with the rest of their project (Input/ProjectCompilation), so that a hand-off
            // (`then enroll nurture`) finds its target; the target then runs along.
            var project = ProjectCompilation.Compile(found.Files, configuration, pluginFunctions, cwd, out var unreadable);
            if (project is null)
            {
                failure = Usage(stderr, [unreadable!]);
                return null;
            }

            var errors = project.Diagnostics.Where(d => d.IsError).ToList();
            var emitted = errors.Count == 0 ? project.Emit() : null;
            if (emitted is null || !emitted.Succeeded)
            {
                foreach (var diagnostic in errors.Concat(emitted?.Diagnostics.Where(d => d.IsError) ?? []))
                {
                    stderr.WriteLine(diagnostic.ToString());
                }

                failure = ExitCodes.CampaignErrors;
                return null;
            }

            var byName = emitted.Plans.ToDictionary(p => p.CampaignName, StringComparer.Ordinal);
            var chosen = emitted.Plans.Where(project.IsGiven).ToList();
            for (var i = 0; i < chosen.Count; i++)
            {
                if (chosen[i].Plan.Policies.Handoff is { } handoff && byName.TryGetValue(handoff.Campaign, out var target) && !chosen.Contains(target))
                {
                    chosen.Add(target);
                }
            }

            plans.AddRange(chosen.Select(p => new LoadedPlan(p.Plan, p.CampaignPath, new TemplateTexts(Path.GetFullPath(p.CampaignPath, cwd), folders, roots))));
        }

        if (plans.Count == 0)
        {
            failure = Usage(stderr, [$"the files hold no campaign to {verb}"]);
            return null;
        }

        var twice = plans.GroupBy(p => p.Plan.Campaign.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            failure = Usage(stderr, [$"campaign {twice.Key} is given twice; {verb} each campaign once"]);
            return null;
        }

        return plans;
    }

    private static int Usage(TextWriter stderr, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            stderr.WriteLine($"campaignc: error: {problem}");
        }

        return ExitCodes.UsageError;
    }
}
