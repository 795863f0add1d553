namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>Diagnostics of the order of a campaign's stages as the runtime plays them (CDSL0110-CDSL0119).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor IncentiveAfterSkippableStage = Warning("CDSL0110", "Stage refers to an offer an earlier stage may not have made",
        "A stage carries an incentive that an earlier stage gives only to some contacts (a `when`/`unless` condition, or only in `for` variants). The runtime skips it for contacts who never got the offer, so it does not follow up an offer never made; say so in the campaign: give the stage the same condition, or anchor it on the giving stage (`after 2d from offer`).");

    public static Diagnostic IncentiveFromSkippableStage(SourceLocation at, string stage, string incentive, string giver, string why) =>
        IncentiveAfterSkippableStage.Create(at,
            $"stage `{stage}` carries incentive `{incentive}`, which stage `{giver}` gives first, but not to everyone ({why}); contacts who did not get it skip `{stage}`; give `{stage}` the same condition, or anchor it with `from {giver}`, to say so");
}
