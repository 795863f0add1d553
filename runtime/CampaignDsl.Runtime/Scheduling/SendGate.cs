using CampaignDsl.Plan;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// When one send may go out, asked at the moment it is due and again at every moment it was moved to: the first
/// instant at or after that moment that the campaign's send window allows and at which the contact's messages in
/// the cap's period before it (every campaign's, as the ledger holds them so far) stay under the cap. The answer is
/// a promise only about the sends known now; the scheduler asks again when the moment comes, because other
/// campaigns (with no cap, or a looser one) may have sent in between.
/// </summary>
public static class SendGate
{
    /// <summary>Enough for any real window and cap; a moment not settled by then is simply asked about again when it comes.</summary>
    private const int Rounds = 100;

    /// <param name="cap">The campaign's cap; null (or a control-group send, which the caps do not count) checks the window alone.</param>
    /// <returns>The moment (equal to <paramref name="now"/> when the send may go out now) and whether the cap moved it.</returns>
    public static (DateTimeOffset At, bool Capped) NextAllowed(DateTimeOffset now, SendWindow window, TimeZoneInfo zone, FrequencyLedger ledger, PlanCap? cap)
    {
        var at = window.NextAllowed(now, zone);
        var capped = false;
        for (var round = 0; round < Rounds && cap is not null; round++)
        {
            var allowed = ledger.NextAllowed(at, cap);
            if (allowed == at)
            {
                break;
            }

            capped = true;
            at = window.NextAllowed(allowed, zone);
        }

        return (at, capped);
    }
}
