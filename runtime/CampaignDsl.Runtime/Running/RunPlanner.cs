using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Sending;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.State;
using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Running;

/// <summary>What planning found and recorded; <paramref name="Unreachable"/> counts the sends due by now that cannot reach their contacts.</summary>
public sealed record PlanningResult(long Contacts, int Due, int NewSends, int RenderFailures, int Suppressions, int Decisions, int Unreachable = 0);

/// <summary>
/// The first half of a run: replays every contact through the campaigns on the simulator's scheduler, from each
/// campaign's start up to now, and records in the run state what is due: each send, rendered, in the outbox under
/// its idempotency key (once: a replay finds it there), each decision in the audit log, each unsubscribe, bounce and
/// spam complaint of the data as a suppression. Because the scheduler decides at every moment from the events up to
/// that moment, a replay makes the same decisions again; the outbox makes them happen once.
/// </summary>
public sealed class RunPlanner(RunState state, IReadOnlyList<RunCampaign> campaigns, RunSettings settings)
{
    private const int Batch = 500;

    /// <summary>Event types that stop marketing to a contact from their moment on.</summary>
    public static readonly ImmutableDictionary<string, string> SuppressingEvents = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["email.unsubscribe"] = "unsubscribed",
        ["email.bounce"] = "bounced",
        ["email.complaint"] = "spam complaint",
        ["sms.unsubscribe"] = "unsubscribed from sms",
    }.ToImmutableDictionary(StringComparer.Ordinal);

    private readonly MessageRenderer _renderer = MessageRenderer.CreateDefault();
    private readonly Dictionary<string, RunCampaign> _byName = campaigns.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public async Task<PlanningResult> PlanAsync(IContactSource source, IReadOnlyDictionary<string, RunningCampaign> running, CancellationToken cancellationToken = default)
    {
        var start = running.Values.Min(r => r.StartedAt);
        var period = new SimulationPeriod(start, settings.Now.AddTicks(1));
        var sends = new List<OutboxSend>();
        var decisions = new List<AuditRecord>();
        var suppressions = new List<Suppression>();
        var profiles = new List<ProfileValue>();
        var scheduled = campaigns.Select(c => new ScheduledCampaign(c.Plan)).ToList();
        long contacts = 0;
        int due = 0, added = 0, renderFailures = 0, suppressed = 0, audited = 0, unreachable = 0;

        async Task FlushAsync()
        {
            added += await state.OfferAsync(sends, settings.Now, cancellationToken).ConfigureAwait(false);
            suppressed += await state.SuppressAsync(suppressions, cancellationToken).ConfigureAwait(false);
            audited += await state.AuditAsync(decisions, settings.Worker, settings.Now, cancellationToken).ConfigureAwait(false);
            await state.SetProfileAsync(profiles, cancellationToken).ConfigureAwait(false);
            profiles.Clear();
            sends.Clear();
            decisions.Clear();
            suppressions.Clear();
        }

        await foreach (var (history, timeline) in CampaignSimulator.PlayAsync([.. campaigns.Select(c => c.Plan)], source, period, cancellationToken: cancellationToken)
            .ConfigureAwait(false))
        {
            contacts++;
            SuppressionsOf(history, suppressions);
            var clicks = scheduled.SelectMany(c => ClickProfile.Updates(c, history, settings.Now)).OrderBy(u => u.At).ToList();
            profiles.AddRange(clicks.Select(u => new ProfileValue(u.ContactId, u.Attribute, u.Value.ToInvariantString(), u.At, u.Source)));
            // The occurrence of a row is its enrolment's number, as the scheduler counted it when the contact entered: the
            // contact's first pass through the campaign is 1, a re-entry 2, whatever rows this stretch of time holds.
            var entries = new HashSet<(string, int)>();
            foreach (var entry in timeline.OrderBy(e => e.AtUtc))
            {
                var entered = entry.EnteredAt ?? entry.AtUtc;
                var occurrence = entry.Enrolment ?? 1;
                if (entries.Add((entry.Campaign, occurrence)))
                {
                    decisions.Add(new AuditRecord(
                        IdempotencyKeys.For(entry.Campaign, "entered", "", "", entry.ContactId, occurrence), entered, "entered",
                        occurrence == 1 ? "the audience holds" : $"re-entered (pass {occurrence})", entry.Campaign, entry.ContactId));
                }

                if (entry.Status == TimelineStatus.Sent && _byName.TryGetValue(entry.Campaign, out var campaign))
                {
                    due++;
                    var send = Compose(campaign, running[campaign.Name], ClickProfile.Apply(history.Contact, clicks, entry.AtUtc), entry, occurrence);
                    renderFailures += send.Status == SendStatus.Failed ? 1 : 0;
                    sends.Add(send);
                    if (send.Status == SendStatus.Failed)
                    {
                        // The audit log promises every send's outcome: one that cannot be rendered never reaches a sender, so
                        // its outcome is written here, under the key delivery would have used for it.
                        decisions.Add(new AuditRecord(
                            IdempotencyKeys.For(send.Campaign, send.IdempotencyKey, send.Stage, nameof(SendResult.Failed), send.ContactId, 0),
                            send.DueAt, "send failed", $"{send.SendId}: not sent: {send.LastError}", send.Campaign, send.ContactId, send.Stage));
                    }
                }
                else if (entry.Status != TimelineStatus.Capped)
                {
                    // An unreachable send is the scheduler's decision, as in simulate: logged with its reason, never in the outbox.
                    unreachable += entry.Status == TimelineStatus.Unreachable ? 1 : 0;
                    // A send capped past "now" is not a decision yet: a later run sends it when the cap allows.
                    decisions.Add(Decision(entry, occurrence));
                    if (entry.Status == TimelineStatus.Final && FinalSuppression(entry) is { } reason)
                    {
                        suppressions.Add(new Suppression("contact", entry.ContactId, reason, $"campaign {entry.Campaign}", entry.AtUtc));
                    }
                }
            }

            if (sends.Count + decisions.Count >= Batch)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        await FlushAsync().ConfigureAwait(false);
        return new PlanningResult(contacts, due, added, renderFailures, suppressed, audited, unreachable);
    }

    private static void SuppressionsOf(ContactHistory history, List<Suppression> into)
    {
        foreach (var e in history.Events)
        {
            if (SuppressingEvents.TryGetValue(e.Type, out var reason))
            {
                into.Add(new Suppression("contact", history.Contact.Id, reason, $"{e.Type} event", e.At));
            }
        }
    }

    private static string? FinalSuppression(TimelineEntry entry) =>
        entry.Reason is { } reason && (reason.StartsWith("no response: suppress", StringComparison.Ordinal) || reason.StartsWith("no response: unsubscribe", StringComparison.Ordinal))
            ? reason
            : null;

    private static AuditRecord Decision(TimelineEntry entry, int occurrence) => new(
        IdempotencyKeys.For(entry.Campaign, "decision", $"{entry.Stage}/{entry.SendId}", entry.Status, entry.ContactId, occurrence),
        entry.AtUtc,
        entry.Status,
        entry.Reason ?? entry.Status,
        entry.Campaign,
        entry.ContactId,
        entry.Stage);

    /// <summary>The send as it will go out, rendered now: a re-offer sends these very bytes. A message that cannot render is recorded as failed, with why.</summary>
    private OutboxSend Compose(RunCampaign campaign, RunningCampaign running, Contact contact, TimelineEntry entry, int occurrence)
    {
        var plan = campaign.Plan;
        var stage = plan.Stages.First(s => s.Name == entry.Stage);
        var send = StageActions.AllSends(stage.Actions).First(s => s.Id == entry.SendId);
        var key = IdempotencyKeys.For(plan.Campaign.Name, running.PlanVersion, stage.Name, send.Id, contact.Id, occurrence);
        var problems = new List<string>();
        string? templateText = null;
        if (send.Template is { } template && (templateText = campaign.TemplateText(template, out var problem)) is null)
        {
            problems.Add(problem ?? $"template '{template.Path}' cannot be read");
        }

        string? plainText = null;
        if (send.Channel == "email" && send.Template is { } html && campaign.PlainTextTemplate is { } readPlainText && (plainText = readPlainText(html, out var plainProblem)) is null
            && plainProblem is not null)
        {
            problems.Add(plainProblem);
        }

        var rendered = problems.Count > 0 ? null : _renderer.Render(
            new MessageContext(plan, stage, send, contact, entry.AtUtc, settings.Links, IncentiveCodes.SecretFor(plan.Campaign.Name)), templateText, plainText);
        problems.AddRange(rendered?.Problems ?? []);
        var subject = rendered?.Subjects.FirstOrDefault(s => s.Id == entry.SubjectVariant) ?? rendered?.Subjects.FirstOrDefault();
        // The scheduler found the contact reachable on this channel (Sending/Reachability.cs), so the address is there.
        var to = Reachability.AddressOf(contact, send.Channel);

        return new OutboxSend(
            key, plan.Campaign.Name, running.PlanVersion, stage.Name, send.Id, contact.Id, occurrence, send.Channel, entry.AtUtc, settings.Sender,
            send.From ?? plan.Campaign.From, to, subject?.Text,
            send.Channel == "email" ? rendered?.Body : null, send.Channel == "email" ? rendered?.TextBody : rendered?.Body,
            MailHeaders.Of(send.Channel, plan.Campaign),
            UnsubscribeUrl: settings.Links.Unsubscribe(plan.Campaign.Name, contact.Id),
            Variant: entry.Variant, SubjectVariant: subject?.Id, IncentiveCode: entry.IncentiveCode,
            Status: problems.Count > 0 ? SendStatus.Failed : SendStatus.Pending,
            LastError: problems.Count > 0 ? string.Join("; ", problems) : null);
    }

    internal static string Describe(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
