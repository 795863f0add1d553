using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Sending;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.State;
using CampaignDsl.Runtime.Templates;

namespace CampaignDsl.Runtime.Running.Ticks;

/// <summary>What a tick found and recorded; <paramref name="Unreachable"/> counts the sends due by now that cannot reach their contacts.</summary>
public sealed record PlanningResult(long Contacts, int Due, int NewSends, int RenderFailures, int Suppressions, int Decisions, int Unreachable = 0);

/// <summary>
/// What the run state records of the rows a tick's journeys decided: each send, rendered, for the outbox under its
/// idempotency key; each other decision for the audit log; each final action that takes a contact off the lists as a
/// suppression; the profile values click rules set. Rendering happens here, once: a send re-offered after a crash is
/// these very bytes.
/// </summary>
internal sealed class TickRecords(IReadOnlyList<RunCampaign> campaigns, IReadOnlyDictionary<string, RunningCampaign> running, RunSettings settings)
{
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

    public List<OutboxSend> Sends { get; } = [];

    public List<AuditRecord> Decisions { get; } = [];

    public List<Suppression> Suppressions { get; } = [];

    public List<ProfileValue> Profiles { get; } = [];

    public int Due { get; private set; }

    public int RenderFailures { get; private set; }

    public int Unreachable { get; private set; }

    public void Clear()
    {
        Sends.Clear();
        Decisions.Clear();
        Suppressions.Clear();
        Profiles.Clear();
    }

    /// <summary>Records the rows one contact's journey decided, rendering each send with the profile values clicks set by its moment.</summary>
    public void Add(ContactHistory history, IReadOnlyList<TimelineEntry> timeline, IReadOnlyList<ProfileUpdate> clicks)
    {
        Profiles.AddRange(clicks.Select(u => new ProfileValue(u.ContactId, u.Attribute, u.Value.ToInvariantString(), u.At, u.Source)));
        // The occurrence of a row is its enrolment's number, as the journey counted it when the contact entered.
        var entries = new HashSet<(string, int)>();
        foreach (var entry in timeline.OrderBy(e => e.AtUtc))
        {
            var entered = entry.EnteredAt ?? entry.AtUtc;
            var occurrence = entry.Enrolment ?? 1;
            if (entries.Add((entry.Campaign, occurrence)))
            {
                Entered(entry.Campaign, entry.ContactId, occurrence, entered);
            }

            if (entry.Status == TimelineStatus.Sent && _byName.TryGetValue(entry.Campaign, out var campaign))
            {
                Due++;
                var send = Compose(campaign, running[campaign.Name], ClickProfile.Apply(history.Contact, clicks, entry.AtUtc), entry, occurrence);
                RenderFailures += send.Status == SendStatus.Failed ? 1 : 0;
                Sends.Add(send);
                if (send.Status == SendStatus.Failed)
                {
                    // The audit log promises every send's outcome: one that cannot be rendered never reaches a sender, so
                    // its outcome is written here, under the key delivery would have used for it.
                    Decisions.Add(new AuditRecord(
                        IdempotencyKeys.For(send.Campaign, send.IdempotencyKey, send.Stage, nameof(SendResult.Failed), send.ContactId, 0),
                        send.DueAt, "send failed", $"{send.SendId}: not sent: {send.LastError}", send.Campaign, send.ContactId, send.Stage));
                }
            }
            else if (entry.Status != TimelineStatus.Capped)
            {
                // An unreachable send is the journey's decision, as in simulate: logged with its reason, never in the outbox.
                Unreachable += entry.Status == TimelineStatus.Unreachable ? 1 : 0;
                Decisions.Add(Decision(entry, occurrence));
                if (entry.Status == TimelineStatus.Final && FinalSuppression(entry) is { } reason)
                {
                    Suppressions.Add(new Suppression("contact", entry.ContactId, reason, $"campaign {entry.Campaign}", entry.AtUtc));
                }
            }
        }
    }

    /// <summary>Logs that the contact entered the campaign (once: the key is the enrolment's).</summary>
    public void Entered(string campaign, string contact, int number, DateTimeOffset at) =>
        Decisions.Add(new AuditRecord(
            IdempotencyKeys.For(campaign, "entered", "", "", contact, number), at, "entered",
            number == 1 ? "the audience holds" : $"re-entered (pass {number})", campaign, contact));

    /// <summary>Unsubscribes, bounces and complaints in the data, as suppressions from their moment on.</summary>
    public static Suppression? SuppressionOf(ContactEvent e) =>
        SuppressingEvents.TryGetValue(e.Type, out var reason) ? new Suppression("contact", e.ContactId, reason, $"{e.Type} event", e.At) : null;

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

}
