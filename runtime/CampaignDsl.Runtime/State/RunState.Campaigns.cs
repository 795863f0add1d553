namespace CampaignDsl.Runtime.State;

/// <summary>A campaign the state runs: since when, and under which plan version now.</summary>
public sealed record RunningCampaign(string Campaign, DateTimeOffset StartedAt, string PlanVersion);

public sealed partial class RunState
{
    /// <summary>The campaign as the state knows it, or null before its first run.</summary>
    public async Task<RunningCampaign?> FindCampaignAsync(string campaign, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT started_at, plan_version FROM campaigns WHERE campaign = @campaign");
        Add(command, "campaign", campaign);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new RunningCampaign(campaign, At(reader.GetInt64(0)), reader.GetString(1))
            : null;
    }

    /// <summary>The stages of a plan version the state has run, in plan order; empty when it never ran that version.</summary>
    public async Task<IReadOnlyList<string>> StagesOfAsync(string campaign, string planVersion, CancellationToken cancellationToken = default)
    {
        await using var command = Command("SELECT stages FROM plan_versions WHERE campaign = @campaign AND plan_version = @version");
        Add(command, "campaign", campaign);
        Add(command, "version", planVersion);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string stages && stages.Length > 0 ? stages.Split('\n') : [];
    }

    /// <summary>The stages of every plan version of the campaign the state has run, oldest version first.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> StagesOfEveryVersionAsync(string campaign, CancellationToken cancellationToken = default)
    {
        var versions = new List<IReadOnlyList<string>>();
        await using var command = Command("SELECT stages FROM plan_versions WHERE campaign = @campaign ORDER BY first_applied_at, plan_version");
        Add(command, "campaign", campaign);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var stages = reader.GetString(0);
            versions.Add(stages.Length == 0 ? [] : stages.Split('\n'));
        }

        return versions;
    }

    /// <summary>How many contacts were last delivered a send of each stage of the campaign: where in-flight contacts stand.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ContactsByLastStageAsync(string campaign, CancellationToken cancellationToken = default)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var command = Command("""
            SELECT s.stage, count(*) FROM sends s
            WHERE s.campaign = @campaign AND s.status = 'delivered'
              AND s.due_at = (SELECT max(o.due_at) FROM sends o WHERE o.campaign = s.campaign AND o.contact_id = s.contact_id AND o.status = 'delivered')
            GROUP BY s.stage
            """);
        Add(command, "campaign", campaign);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    /// <summary>
    /// Starts the campaign at <paramref name="now"/> under <paramref name="planVersion"/> if it has not started, or
    /// moves it to that version; returns it as it now runs. Workers starting together agree on one start.
    /// </summary>
    public async Task<RunningCampaign> ApplyPlanAsync(string campaign, string planVersion, string source, IReadOnlyList<string> stages, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var insert = Command("INSERT INTO campaigns (campaign, started_at, plan_version, updated_at) VALUES (@campaign, @now, @version, @now) ON CONFLICT (campaign) DO NOTHING", transaction))
        {
            Add(insert, "campaign", campaign);
            Add(insert, "now", Ms(now));
            Add(insert, "version", planVersion);
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var update = Command("UPDATE campaigns SET plan_version = @version, updated_at = @now WHERE campaign = @campaign AND plan_version <> @version", transaction))
        {
            Add(update, "campaign", campaign);
            Add(update, "now", Ms(now));
            Add(update, "version", planVersion);
            await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var version = Command("INSERT INTO plan_versions (campaign, plan_version, first_applied_at, source, stages) VALUES (@campaign, @version, @now, @source, @stages) ON CONFLICT (campaign, plan_version) DO NOTHING", transaction))
        {
            Add(version, "campaign", campaign);
            Add(version, "version", planVersion);
            Add(version, "now", Ms(now));
            Add(version, "source", source);
            Add(version, "stages", string.Join('\n', stages));
            await version.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        RunningCampaign running;
        await using (var read = Command("SELECT started_at, plan_version FROM campaigns WHERE campaign = @campaign", transaction))
        {
            Add(read, "campaign", campaign);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            running = new RunningCampaign(campaign, At(reader.GetInt64(0)), reader.GetString(1));
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return running;
    }
}
