namespace CampaignDsl.Runtime.State;

/// <summary>Enrolments of one campaign at one stage in one status: how many, how many are due by the moment asked about, and the oldest due.</summary>
public sealed record StageStatus(string Campaign, string? Stage, string Status, long Enrolments, long Due, DateTimeOffset? OldestDue);

/// <summary>One worker's share: journeys and sends it holds now, and sends it delivered or failed.</summary>
public sealed record WorkerStatus(string Worker, long JourneysHeld, long SendsHeld, long Delivered, long Failed);

/// <summary>Where a run stands (<c>campaignc status</c>): enrolments by campaign and stage, the outbox by status, failures, workers.</summary>
public sealed record RunStatus(
    DateTimeOffset At, IReadOnlyList<StageStatus> Stages, IReadOnlyDictionary<string, long> Sends, IReadOnlyDictionary<string, long> FailedByCampaign,
    IReadOnlyList<WorkerStatus> Workers, long JourneysDue, DateTimeOffset? OldestJourneyDue);

public sealed partial class RunState
{
    /// <summary>Where the run stands at <paramref name="now"/>; every figure is one indexed or grouped query.</summary>
    public async Task<RunStatus> StatusAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var stages = new List<StageStatus>();
        await using (var command = Command("""
            SELECT campaign, stage, status, count(*), sum(CASE WHEN next_due <= @now THEN 1 ELSE 0 END), min(CASE WHEN next_due <= @now THEN next_due END)
            FROM enrolments GROUP BY campaign, stage, status ORDER BY campaign, status, stage
            """))
        {
            Add(command, "now", Ms(now));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                stages.Add(new StageStatus(reader.GetString(0), Text(reader, 1), reader.GetString(2), reader.GetInt64(3),
                    reader.IsDBNull(4) ? 0 : reader.GetInt64(4), reader.IsDBNull(5) ? null : At(reader.GetInt64(5))));
            }
        }

        var failed = await CountsAsync("SELECT campaign, count(*) FROM sends WHERE status = 'failed' GROUP BY campaign", cancellationToken).ConfigureAwait(false);
        var journeysHeld = await CountsAsync("SELECT claimed_by, count(*) FROM journeys WHERE claimed_by IS NOT NULL GROUP BY claimed_by", cancellationToken).ConfigureAwait(false);
        var sendsHeld = await CountsAsync("SELECT claimed_by, count(*) FROM sends WHERE status = 'sending' GROUP BY claimed_by", cancellationToken).ConfigureAwait(false);
        var delivered = await CountsAsync("SELECT worker, count(*) FROM audit WHERE kind = 'sent' GROUP BY worker", cancellationToken).ConfigureAwait(false);
        var failures = await CountsAsync("SELECT worker, count(*) FROM audit WHERE kind = 'send failed' GROUP BY worker", cancellationToken).ConfigureAwait(false);
        var workers = journeysHeld.Keys.Concat(sendsHeld.Keys).Concat(delivered.Keys).Concat(failures.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(w => new WorkerStatus(w, journeysHeld.GetValueOrDefault(w), sendsHeld.GetValueOrDefault(w), delivered.GetValueOrDefault(w), failures.GetValueOrDefault(w)))
            .ToList();

        long journeysDue = 0;
        DateTimeOffset? oldest = null;
        await using (var command = Command("SELECT count(*), min(next_due) FROM journeys WHERE next_due <= @now"))
        {
            Add(command, "now", Ms(now));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                journeysDue = reader.GetInt64(0);
                oldest = reader.IsDBNull(1) ? null : At(reader.GetInt64(1));
            }
        }

        return new RunStatus(now, stages, await CountSendsAsync(cancellationToken).ConfigureAwait(false), failed, workers, journeysDue, oldest);
    }

    private async Task<SortedDictionary<string, long>> CountsAsync(string sql, CancellationToken cancellationToken)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var command = Command(sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.IsDBNull(0) ? "" : reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }
}
