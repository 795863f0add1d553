namespace CampaignDsl.Runtime.State;

public sealed partial class RunState
{
    /// <summary>Appends decisions to the audit log; a decision already there (the same key) is not added again. Returns how many were new.</summary>
    public async Task<int> AuditAsync(IReadOnlyList<AuditRecord> records, string worker, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var added = 0;
        foreach (var batch in records.Chunk(500))
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            added += await AuditAsync(batch, worker, now, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    private async Task<int> AuditAsync(IReadOnlyList<AuditRecord> records, string worker, DateTimeOffset now, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        var added = 0;
        // One statement, prepared once and run for each row.
        await using var insert = Command("""
                INSERT INTO audit (decision_key, at, recorded_at, campaign, contact_id, stage, kind, detail, worker)
                VALUES (@key, @at, @now, @campaign, @contact, @stage, @kind, @detail, @worker)
                ON CONFLICT (decision_key) DO NOTHING
                """, transaction);
        foreach (var record in records)
        {
            insert.Parameters.Clear();
            Add(insert, "key", record.DecisionKey);
            Add(insert, "at", Ms(record.At));
            Add(insert, "now", Ms(now));
            Add(insert, "campaign", record.Campaign);
            Add(insert, "contact", record.ContactId);
            Add(insert, "stage", record.Stage);
            Add(insert, "kind", record.Kind);
            Add(insert, "detail", record.Detail);
            Add(insert, "worker", worker);
            added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>The audit log in the order it was written, optionally of one contact.</summary>
    public async IAsyncEnumerable<AuditRecord> ReadAuditAsync(string? contactId = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = Command(
            "SELECT decision_key, at, kind, detail, campaign, contact_id, stage FROM audit"
            + (contactId is null ? "" : " WHERE contact_id = @contact") + " ORDER BY id");
        if (contactId is not null)
        {
            Add(command, "contact", contactId);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AuditRecord(reader.GetString(0), At(reader.GetInt64(1)), reader.GetString(2), reader.GetString(3), Text(reader, 4), Text(reader, 5), Text(reader, 6));
        }
    }
}
