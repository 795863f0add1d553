using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignDsl.Runtime.Scheduling.Journeys;

/// <summary>
/// A contact's journey at rest, between two ticks of a real run: every decision made so far (each enrolment with its
/// number, entry moment, holdout, the stages that ran and the offers given; the sends counted by the caps; a suppression
/// a final action made) and everything still due, in its queue order. A decision is recorded once and never recomputed:
/// a journey restored from this goes on exactly as if it had never stopped (<c>JourneyResumeTests</c>).
/// </summary>
public sealed record JourneyState
{
    /// <summary>The shape of this record; a newer one is refused by an older campaignc.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>The next position of the journey's own work in the queue.</summary>
    public long Sequence { get; init; }

    /// <summary>Every message sent to the contact, for the frequency caps.</summary>
    public IReadOnlyList<DateTimeOffset> Sent { get; init; } = [];

    /// <summary>How many times the contact entered each campaign.</summary>
    public IReadOnlyDictionary<string, int> Passes { get; init; } = new Dictionary<string, int>();

    public IReadOnlyList<EnrolmentRecord> Enrolments { get; init; } = [];

    public IReadOnlyList<StageSendsRecord> OpenStages { get; init; } = [];

    public IReadOnlyList<WorkRecord> Queue { get; init; } = [];

    public DateTimeOffset? UnsubscribedAt { get; init; }

    public DateTimeOffset? SuppressedAt { get; init; }

    public string? SuppressedBy { get; init; }

    /// <summary>When the earliest work is due; null when nothing waits.</summary>
    public DateTimeOffset? NextDue => Queue.Count == 0 ? null : Queue.Min(w => w.At);

    public string ToJson() => JsonSerializer.Serialize(this, JourneyJson.Default.JourneyState);

    /// <summary>The state written by <see cref="ToJson"/>; a <see cref="JourneyStateException"/> when it is not one this campaignc can read.</summary>
    public static JourneyState FromJson(string json)
    {
        JourneyState? state;
        try
        {
            state = JsonSerializer.Deserialize(json, JourneyJson.Default.JourneyState);
        }
        catch (JsonException e)
        {
            throw new JourneyStateException($"a journey's state cannot be read: {e.Message}");
        }

        return state switch
        {
            null => throw new JourneyStateException("a journey's state is empty"),
            { Version: > CurrentVersion } => throw new JourneyStateException(
                $"a journey's state was written by a newer campaignc (version {state.Version}, this one knows {CurrentVersion}); upgrade campaignc"),
            _ => state,
        };
    }
}

/// <summary>One pass of the contact through a campaign. <see cref="Current"/>: the campaign's latest pass (earlier ones are kept while work of theirs waits).</summary>
public sealed record EnrolmentRecord(
    string Campaign, int Number, DateTimeOffset EnteredAt, bool Control, bool Finished, bool Reached, DateTimeOffset? LastChecked,
    IReadOnlyDictionary<string, DateTimeOffset> StageRuns, IReadOnlyList<string> Given, bool Current);

/// <summary>A stage whose sends are still going out (waiting for the window or the cap).</summary>
public sealed record StageSendsRecord(
    int Id, string Campaign, int Enrolment, string Stage, DateTimeOffset Due, int Open, bool Offering, DateTimeOffset? RanAt, bool Continued, DateTimeOffset? DoneAt);

/// <summary>
/// Something due: <see cref="Kind"/> <c>entry</c> (with the event that gives the chance, the campaign that hands off, or
/// daily), <c>stage</c>, <c>send</c> (of an open stage) or <c>finish</c>; <see cref="Order"/> its place among work at
/// the same moment.
/// </summary>
public sealed record WorkRecord(string Kind, string Campaign, DateTimeOffset At, long Order)
{
    public int? Enrolment { get; init; }

    public string? Stage { get; init; }

    public int? OpenStage { get; init; }

    public string? Send { get; init; }

    public string? Variant { get; init; }

    public bool Capped { get; init; }

    public string? HandedOffBy { get; init; }

    public bool Daily { get; init; }

    /// <summary>The triggering event: its type, moment and place among the contact's events of that type at that moment.</summary>
    public string? EventType { get; init; }

    public DateTimeOffset? EventAt { get; init; }

    public int? EventOrdinal { get; init; }
}

public sealed class JourneyStateException(string message) : Exception(message);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault)]
[JsonSerializable(typeof(JourneyState))]
internal sealed partial class JourneyJson : JsonSerializerContext;
