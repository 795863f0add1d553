using System.Collections.Immutable;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Templates;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// Writes the execution plan of every campaign of a compilation without errors (docs/plan.md). The plan
/// is a pure function of the sources, the templates' bytes and campaignc.yaml: no time, no machine, no
/// absolute path, so the same input always gives the same bytes.
/// </summary>
public static class PlanEmitter
{
    public static EmitResult Emit(CampaignCompilation compilation, CompilationOptions? options = null)
    {
        if (compilation.HasErrors)
        {
            return new EmitResult([], [.. compilation.Diagnostics.Where(d => d.IsError)]);
        }

        options ??= CompilationOptions.Default;
        var templates = options.Templates ?? new FileSystemTemplateSource(options.Configuration.Templates.Folders);
        var imports = compilation.Imports;
        var campaigns = compilation.SyntaxTrees.SelectMany(tree => (tree.Root?.Campaigns ?? []).Select(campaign => (tree, campaign))).ToList();
        // On large stacks, like the checks: emitting recurses over expression trees. Each campaign reports into its own bag.
        var emitted = DeepStack.Map(campaigns, item =>
        {
            var bag = new DiagnosticBag();
            var scope = new CampaignScope(item.tree, item.campaign, options.Schema, options.Events, imports.ImportsOf(item.tree));
            var map = new SourceMapBuilder(PlanPaths.BaseFolderOf(item.tree.Source.Path));
            var context = new EmitContext(scope, map, templates, options, bag);
            return (Plan: new EmittedPlan(item.campaign.Name.Name, item.tree.Source.Path, Build(context)), Diagnostics: bag.ToImmutable());
        });

        ImmutableArray<Diagnostic> problems = [.. emitted.SelectMany(e => e.Diagnostics).Distinct()];
        return new EmitResult(problems.Any(d => d.IsError) ? [] : [.. emitted.Select(e => e.Plan)], problems);
    }

    /// <summary>The parts in source order of the usual campaign (header, audience, stages, policies), so the source map reads top to bottom.</summary>
    private static CampaignPlan Build(EmitContext context)
    {
        var campaign = HeaderEmitter.Emit(context);
        var audience = AudienceEmitter.Emit(context);
        var stages = StageEmitter.Emit(context);
        var policies = PolicyEmitter.Emit(context);
        var incentives = IncentiveEmitter.Emit(context);
        var segments = SegmentEmitter.Emit(context);
        var source = context.Map.FileOf(context.Source);
        return new CampaignPlan(PlanFormat.Version, CompilerVersion.Current, source, campaign, audience, segments, incentives, policies, stages,
            context.Map.Build());
    }
}
