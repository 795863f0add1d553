namespace CampaignDsl.Runtime.State;

public sealed partial class RunState
{
    /// <summary>Adds suppressions; one already there keeps its first reason and time. Returns how many were new.</summary>
    public async Task<int> SuppressAsync(IReadOnlyList<Suppression> suppressions, CancellationToken cancellationToken = default)
    {
        var added = 0;
        foreach (var batch in suppressions.Chunk(500))
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            added += await SuppressAsync(batch, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    private async Task<int> SuppressAsync(IReadOnlyList<Suppression> suppressions, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        var added = 0;
        // One statement, prepared once and run for each row.
        await using var insert = Command("""
                INSERT INTO suppressions (kind, value, reason, source, at) VALUES (@kind, @value, @reason, @source, @at)
                ON CONFLICT (kind, value) DO NOTHING
                """, transaction);
        foreach (var suppression in suppressions)
        {
            insert.Parameters.Clear();
            Add(insert, "kind", suppression.Kind);
            Add(insert, "value", Normalise(suppression.Kind, suppression.Value));
            Add(insert, "reason", suppression.Reason);
            Add(insert, "source", suppression.Source);
            Add(insert, "at", Ms(suppression.At));
            added += await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    /// <summary>
    /// The first suppression that stops a send to this contact at this address, at or before <paramref name="at"/>; null when none does.
    /// A suppression a campaign's final action made (source <c>campaign NAME</c>) counts only when made before
    /// <paramref name="campaignDecisionsBy"/>, when that is given: the send's due time. Cron at that moment would have sent
    /// it; and a run catching up on several days would otherwise let a sunset decided after (or at the moment of) the last
    /// stage, because it went unanswered, stop the very send it followed.
    /// </summary>
    public Task<Suppression?> FindSuppressionAsync(string contactId, string? email, string? phone, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        FindSuppressionAsync(contactId, email, phone, at, campaignDecisionsBy: null, cancellationToken);

    /// <inheritdoc cref="FindSuppressionAsync(string, string?, string?, DateTimeOffset, CancellationToken)"/>
    public async Task<Suppression?> FindSuppressionAsync(
        string contactId, string? email, string? phone, DateTimeOffset at, DateTimeOffset? campaignDecisionsBy, CancellationToken cancellationToken = default)
    {
        await using var command = Command("""
            SELECT kind, value, reason, source, at FROM suppressions
            WHERE at <= @at AND ((kind = 'contact' AND value = @contact) OR (kind = 'email' AND value = @email) OR (kind = 'phone' AND value = @phone))
              AND (source NOT LIKE 'campaign %' OR at < @decided_by)
            ORDER BY at, kind LIMIT 1
            """);
        Add(command, "at", Ms(at));
        Add(command, "decided_by", campaignDecisionsBy is { } decidedBy ? Ms(decidedBy) : Ms(at) + 1);
        Add(command, "contact", contactId);
        Add(command, "email", email is null ? null : Normalise("email", email));
        Add(command, "phone", phone is null ? null : Normalise("phone", phone));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new Suppression(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), At(reader.GetInt64(4)))
            : null;
    }

    /// <summary>Addresses compare case-insensitively and without surrounding spaces; phone numbers without spaces, dashes and brackets.</summary>
    internal static string Normalise(string kind, string value) => kind switch
    {
        "email" => value.Trim().ToLowerInvariant(),
        "phone" => new string([.. value.Where(c => char.IsDigit(c) || c == '+')]),
        _ => value,
    };
}
