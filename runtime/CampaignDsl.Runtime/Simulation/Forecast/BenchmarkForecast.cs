using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation.Forecast;

/// <summary>
/// The forecast of <c>--forecast benchmark</c>: each reaction to an email send is a draw against <see cref="ForecastRates"/>.
/// A draw is a stable hash of the seed, campaign, stage, send, contact and what is drawn, never a shared random
/// sequence, so a contact's reactions do not depend on which contacts came before it, and the same seed gives the same run.
/// </summary>
public sealed class BenchmarkForecast(ForecastRates rates, long seed) : IEngagementForecast
{
    /// <summary>When no goal window says otherwise, an organic reactivation can come in the 60 days after entry.</summary>
    private static readonly TimeSpan DefaultOrganicWindow = TimeSpan.FromDays(60);

    private readonly string _seed = seed.ToString(CultureInfo.InvariantCulture);

    public ForecastRates Rates => rates;

    /// <summary>Every reaction is in within 72 hours of its send.</summary>
    public TimeSpan ReactionWindow => ReactionDelays.ReactionWindow;

    public IReadOnlyList<ContactEvent> Reactions(ForecastSend send)
    {
        if (!string.Equals(send.Send.Channel, "email", StringComparison.Ordinal))
        {
            return [];
        }

        var r = rates.For(send.Plan.Campaign.Type, send.Position);
        double Draw(string what) => Uniform(_seed, send.Plan.Campaign.Name, send.Stage.Name, send.Send.Id, send.ContactId, what);
        var properties = DataValues.None
            .Add("campaign", new TextValue(send.Plan.Campaign.Name))
            .Add("stage", new TextValue(send.Stage.Name))
            .Add("source", new TextValue("forecast"));
        ContactEvent Event(string type, DateTimeOffset at) => new(send.ContactId, type, at) { Properties = properties };

        var reactions = new List<ContactEvent>(4);
        DateTimeOffset? openedAt = null;
        if (Draw("open") < r.Open)
        {
            // Every delay is drawn inside its documented range (ReactionDelays), so the range is a hard bound.
            // Most opens come soon after the send, a few a day or more later: the cube of a uniform draw leans early.
            var opened = send.At + ReactionDelays.Open.At(Math.Pow(Draw("open.delay"), 3));
            openedAt = opened;
            reactions.Add(Event("email.open", opened));
            var last = opened;
            if (r.Open > 0 && Draw("click") < r.Click / r.Open)
            {
                last = opened + ReactionDelays.Click.At(Draw("click.delay"));
                reactions.Add(Event("email.click", last));
            }

            if (r.Open > 0 && Draw("conversion") < r.Conversion / r.Open)
            {
                // After the open within its range, and no sooner than the range's minimum after the click.
                var earliest = last + ReactionDelays.Purchase.Min;
                var latest = opened + ReactionDelays.Purchase.Max;
                var purchase = new DelayRange(earliest - opened, latest - opened).At(Math.Pow(Draw("conversion.delay"), 2));
                reactions.Add(Event("purchase", opened + purchase));
            }
        }

        if (Draw("unsubscribe") < r.Unsubscribe)
        {
            var at = openedAt is { } opened
                ? opened + ReactionDelays.UnsubscribeAfterOpen.At(0)
                : send.At + ReactionDelays.UnsubscribeUnopened.At(Draw("unsubscribe.delay"));
            reactions.Add(Event("email.unsubscribe", at));
        }

        return [.. reactions.OrderBy(e => e.At)];
    }

    public ContactEvent? Organic(CampaignPlan plan, string contactId, DateTimeOffset enteredAt)
    {
        var entered = enteredAt.UtcTicks.ToString(CultureInfo.InvariantCulture);
        if (Uniform(_seed, plan.Campaign.Name, contactId, entered, "organic") >= rates.Organic)
        {
            return null;
        }

        var window = plan.Policies.Goal is { } goal ? TimeSpan.FromSeconds(goal.WithinSeconds) : DefaultOrganicWindow;
        var at = enteredAt + TimeSpan.FromSeconds(1) + Scaled(window - TimeSpan.FromSeconds(2), Uniform(_seed, plan.Campaign.Name, contactId, entered, "organic.at"));
        return new ContactEvent(contactId, "purchase", at)
        {
            Properties = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("source", (DataValue)new TextValue("organic"))]),
        };
    }

    /// <summary>A point in [0, 1) from a stable hash: the top 53 bits, so every double step is reachable.</summary>
    public static double Uniform(params string[] parts) => (StableHash.Of(parts) >> 11) * (1.0 / (1UL << 53));

    private static TimeSpan Scaled(TimeSpan span, double fraction) => TimeSpan.FromSeconds(Math.Floor(span.TotalSeconds * fraction));
}
