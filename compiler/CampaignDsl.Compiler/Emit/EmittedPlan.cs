using System.Collections.Immutable;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>The plan of one campaign, with the campaign file it came from (as the user gave it).</summary>
public sealed record EmittedPlan(string CampaignName, string CampaignPath, CampaignPlan Plan);

/// <summary>
/// The plans of a compilation, one per campaign, in file and source order; or, when something a plan
/// needs could not be read after the checks passed (a template file removed meanwhile), the diagnostics.
/// </summary>
public sealed record EmitResult(ImmutableArray<EmittedPlan> Plans, ImmutableArray<Diagnostic> Diagnostics)
{
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);
}
