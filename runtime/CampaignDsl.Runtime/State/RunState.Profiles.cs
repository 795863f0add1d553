namespace CampaignDsl.Runtime.State;

/// <summary>A profile attribute's value as the run state keeps it: invariant text, the time it was set and by what.</summary>
public sealed record ProfileValue(string ContactId, string Attribute, string Value, DateTimeOffset At, string Source);

public sealed partial class RunState
{
    /// <summary>Records profile attributes set by click rules; for each contact and attribute the latest value wins. Returns how many changed.</summary>
    public async Task<int> SetProfileAsync(IReadOnlyList<ProfileValue> values, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        foreach (var batch in values.Chunk(500))
        {
            await using var transaction = await _connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            changed += await SetProfileAsync(batch, transaction, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    private async Task<int> SetProfileAsync(IReadOnlyList<ProfileValue> values, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken)
    {
        var changed = 0;
        // One statement, prepared once and run for each row.
        await using var upsert = Command("""
                INSERT INTO profile_updates (contact_id, name, value, at, source) VALUES (@contact, @name, @value, @at, @source)
                ON CONFLICT (contact_id, name) DO UPDATE SET value = excluded.value, at = excluded.at, source = excluded.source
                WHERE excluded.at > profile_updates.at
                """, transaction);
        foreach (var value in values)
        {
            upsert.Parameters.Clear();
            Add(upsert, "contact", value.ContactId);
            Add(upsert, "name", value.Attribute);
            Add(upsert, "value", value.Value);
            Add(upsert, "at", Ms(value.At));
            Add(upsert, "source", value.Source);
            changed += await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return changed;
    }

    /// <summary>The profile values the run state holds for a contact, by attribute.</summary>
    public async Task<IReadOnlyList<ProfileValue>> ProfileOfAsync(string contactId, CancellationToken cancellationToken = default)
    {
        var values = new List<ProfileValue>();
        await using var command = Command("SELECT name, value, at, source FROM profile_updates WHERE contact_id = @contact ORDER BY name");
        Add(command, "contact", contactId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            values.Add(new ProfileValue(contactId, reader.GetString(0), reader.GetString(1), At(reader.GetInt64(2)), reader.GetString(3)));
        }

        return values;
    }
}
