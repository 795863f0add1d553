namespace CampaignDsl.Runtime.Simulation.Forecast;

/// <summary>
/// What the forecast predicts for one campaign: reactions counted over the run, and reactivation in the treated group
/// against the holdout. A contact is counted in a group once its first message (or held-out message) is due in the run;
/// it reactivated when it made a purchase (forecast or organic) or reached the goal while in the campaign.
/// </summary>
public sealed class CampaignForecast(string campaign)
{
    public string Campaign { get; } = campaign;

    public int Sent { get; internal set; }

    public int Opens { get; internal set; }

    public int Clicks { get; internal set; }

    /// <summary>Purchases the forecast attributes to a send.</summary>
    public int Conversions { get; internal set; }

    /// <summary>Purchases the forecast gives without a send, treated and control alike.</summary>
    public int OrganicConversions { get; internal set; }

    public int Unsubscribes { get; internal set; }

    public int Treated { get; internal set; }

    public int TreatedReactivated { get; internal set; }

    public int Control { get; internal set; }

    public int ControlReactivated { get; internal set; }

    public ProportionInterval TreatedRate => ProportionInterval.Wilson(TreatedReactivated, Treated);

    public ProportionInterval ControlRate => ProportionInterval.Wilson(ControlReactivated, Control);

    /// <summary>Treated rate minus holdout rate, with its interval; meaningless (zero) without a holdout.</summary>
    public ProportionInterval Uplift => Control == 0 ? default : ProportionInterval.Difference(TreatedRate, ControlRate);

    /// <summary>Reactivations the campaign itself causes among the treated: the uplift times the treated group.</summary>
    public ProportionInterval IncrementalReactivations => Uplift.Times(Treated);
}
