using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.State;

namespace CampaignDsl.Runtime.Running.Ticks;

/// <summary>
/// The entry chances a tick finds for one campaign in its window: from the campaign's start (its first tick) or from just
/// after the last tick, up to now. The same moments the simulation's calendar gives (<see cref="EntryCalendar"/>), found
/// from the data instead of from each history: <c>entry once</c> at the start, for every contact then, and at the tick
/// that first sees a contact imported later; <c>entry daily</c> at the start and each midnight UTC since; <c>entry on</c> each event of
/// the type in the window (an event that arrives after its moment has passed gives no entry); a date or anniversary
/// when it falls in the window. docs/runtime.md ("Ticks") states the rules.
/// </summary>
internal sealed class EntryDiscovery(IContactSource source, ContactScheduler scheduler)
{
    private List<string>? _ids;

    /// <param name="unknown">The contacts the run had not seen before this tick, for <c>entry once</c> after its start.</param>
    public async Task<List<JourneyChance>> FindAsync(
        ScheduledCampaign campaign, DateTimeOffset start, DateTimeOffset? since, DateTimeOffset now, IReadOnlySet<string> unknown, CancellationToken cancellationToken)
    {
        var entry = campaign.Plan.Audience.Entry;
        var from = since is { } last ? last.AddTicks(1) : start;
        var until = now.AddTicks(1);
        var chances = new List<JourneyChance>();
        switch (entry.Mode)
        {
            case EntryModes.Once when since is null:
                foreach (var id in await IdsAsync(cancellationToken).ConfigureAwait(false))
                {
                    chances.Add(new JourneyChance(id, campaign.Name, start, 0, null));
                }

                break;
            case EntryModes.Once:
                chances.AddRange(unknown.Order(StringComparer.Ordinal).Select(id => new JourneyChance(id, campaign.Name, now, 0, null)));
                break;
            case EntryModes.Daily:
                foreach (var day in EntryCalendar.DailyChecks(start, from, until))
                {
                    foreach (var id in await AudienceAsync(campaign.Plan, day, cancellationToken).ConfigureAwait(false))
                    {
                        chances.Add(new JourneyChance(id, campaign.Name, day, 0, null));
                    }
                }

                break;
            case EntryModes.Event when entry.Event is { } type:
                var query = EventQuery.All with { Types = [type], From = from, Until = until, Order = EventOrder.ByTime };
                (string Contact, DateTimeOffset At)? previous = null;
                var ordinal = 0;
                await foreach (var e in source.ReadEventsAsync(query, cancellationToken).ConfigureAwait(false))
                {
                    ordinal = previous is { } p && p.Contact == e.ContactId && p.At == e.At ? ordinal + 1 : 0;
                    previous = (e.ContactId, e.At);
                    chances.Add(new JourneyChance(e.ContactId, campaign.Name, e.At, ordinal, type));
                }

                break;
            case EntryModes.Date or EntryModes.Anniversary:
                await foreach (var contact in source.ReadContactsAsync(cancellationToken).ConfigureAwait(false))
                {
                    var n = 0;
                    foreach (var chance in EntryCalendar.Chances(entry, new ContactHistory(contact, []), campaign.ZoneOf(contact), from, until))
                    {
                        chances.Add(new JourneyChance(contact.Id, campaign.Name, chance.At, n++, null));
                    }
                }

                break;
        }

        return chances;
    }

    /// <summary>The id of every contact of the data, read once per tick however many campaigns ask.</summary>
    public async Task<IReadOnlyList<string>> IdsAsync(CancellationToken cancellationToken)
    {
        if (_ids is null)
        {
            var ids = new List<string>();
            await foreach (var contact in source.ReadContactsAsync(cancellationToken).ConfigureAwait(false))
            {
                ids.Add(contact.Id);
            }

            _ids = ids;
        }

        return _ids;
    }

    /// <summary>
    /// Who may pass the audience's condition at <paramref name="at"/>: the store's answer when the condition translates to SQL
    /// (the same translation the simulation's push-down uses, tested against evaluation in memory), else every contact. The
    /// journey checks each of them exactly; this only spares it the contacts who cannot enter.
    /// </summary>
    private async Task<IReadOnlyCollection<string>> AudienceAsync(Plan.CampaignPlan plan, DateTimeOffset at, CancellationToken cancellationToken)
    {
        if (plan.Audience.Where is not null)
        {
            switch (source)
            {
                case Data.Sqlite.SqliteContactSource { IsWhole: true } sqlite:
                    var schema = await sqlite.Store.SchemaAsync(cancellationToken).ConfigureAwait(false);
                    if (Data.Sql.ConditionTranslator.TranslateAudience(plan, Data.Sql.SqliteDialect.Instance, schema, at).Condition is { } condition)
                    {
                        var ids = new List<string>();
                        await foreach (var id in sqlite.Store.MatchingIdsAsync(condition, cancellationToken).ConfigureAwait(false))
                        {
                            ids.Add(id);
                        }

                        return ids;
                    }

                    break;
                case Data.Postgres.PostgresContactSource postgres:
                    var pgSchema = await Data.Postgres.PostgresConditions.SchemaAsync(postgres.Store, cancellationToken).ConfigureAwait(false);
                    if (Data.Sql.ConditionTranslator.TranslateAudience(plan, Data.Sql.PostgresDialect.Instance, pgSchema, at).Condition is { } pgCondition)
                    {
                        var ids = new List<string>();
                        await foreach (var id in Data.Postgres.PostgresConditions.MatchingIdsAsync(postgres.Store, pgCondition, cancellationToken).ConfigureAwait(false))
                        {
                            ids.Add(id);
                        }

                        return ids;
                    }

                    break;
            }
        }

        return await IdsAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether this campaign has chances of its own (a campaign entered only through a hand-off has none).</summary>
    public bool Enters(ScheduledCampaign campaign) => !scheduler.HandoffOnly.Contains(campaign.Name);
}
