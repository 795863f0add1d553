using System.Collections.Frozen;
using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Postgres;
using CampaignDsl.Runtime.Data.Sql;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>
/// The same plan gives the same audience in memory, pushed down to SQLite and pushed down to PostgreSQL: the
/// example conditions over the example data, and generated conditions over the edge-case data (time zones far
/// apart, DST, non-ASCII case, sums on a threshold).
/// </summary>
public sealed class PostgresPushdownTests(PostgresDataFixture data) : IClassFixture<PostgresDataFixture>
{
    private static readonly DateTimeOffset[] EdgeMoments =
    [
        EdgeCaseData.Now,
        EdgeCaseData.Now.AddHours(10),
        EdgeCaseData.Now.AddMilliseconds(-1),
        new(2026, 3, 29, 1, 30, 0, TimeSpan.Zero),
        new(2025, 10, 26, 0, 30, 0, TimeSpan.Zero),
    ];

    [Fact]
    public async Task The_postgres_source_reads_the_same_contacts_and_events_as_the_sqlite_store()
    {
        var fromSqlite = await Describe(data.Examples.Sqlite.AsSource());
        var fromPostgres = await Describe(data.Examples.Postgres.AsSource());
        Assert.Equal(300, fromSqlite.Count(l => l.StartsWith("contact ", StringComparison.Ordinal)));
        Assert.Equal(fromSqlite, fromPostgres);
        Assert.Equal(await data.Examples.Sqlite.CountAsync(), await data.Examples.Postgres.CountAsync());
    }

    [Fact]
    public async Task Every_audience_and_segment_of_the_examples_selects_the_same_contacts_in_memory_in_sqlite_and_in_postgres()
    {
        var three = await ThreeWays.OpenAsync(data.Examples);
        var (compared, nonTrivial, refused) = (0, 0, new List<string>());
        foreach (var plan in ExampleProject.Plans())
        {
            var segments = EvaluationContext.SegmentsOf(plan);
            var conditions = plan.Segments.Select(s => ($"{plan.Campaign.Name}.{s.Name}", s.Condition)).ToList();
            if (plan.Audience.Where is { } where)
            {
                conditions.Add(($"{plan.Campaign.Name}.audience", where));
            }

            foreach (var (name, condition) in conditions)
            {
                foreach (var now in ExampleEquivalenceTests.Moments)
                {
                    if (await three.CompareAsync(condition, segments, now, plan.Campaign.TimeZone, name, reason => refused.Add($"{name}: {reason}")) is not { } count)
                    {
                        continue;
                    }

                    compared++;
                    nonTrivial += count > 0 && count < three.Contacts ? 1 : 0;
                }
            }
        }

        Assert.All(refused, r => Assert.Contains("RFM", r, StringComparison.Ordinal));
        Assert.True(compared >= 40, $"{compared} comparisons");
        Assert.True(nonTrivial >= 20, $"{nonTrivial} comparisons selected some but not all contacts");
    }

    [Fact]
    public async Task Generated_conditions_agree_on_the_edge_case_data_in_all_three()
    {
        var three = await ThreeWays.OpenAsync(data.Edge);
        Assert.Equal(8, three.Contacts);
        var generator = new ExpressionGenerator(20260105);
        var (compared, nonTrivial) = (0, 0);
        for (var i = 0; i < 400; i++)
        {
            var condition = generator.Condition();
            foreach (var now in EdgeMoments)
            {
                foreach (var zone in new[] { "Europe/Amsterdam", null, "Pacific/Kiritimati", "america/los_angeles", "CET", "Not/AZone" })
                {
                    var count = await three.CompareAsync(condition, generator.Segments, now, zone,
                        $"#{i} at {now:O} in {zone}: {System.Text.Json.JsonSerializer.Serialize<PlanExpression>(condition)}", reason => Assert.Fail($"not pushed down: {reason}"));
                    compared++;
                    nonTrivial += count > 0 && count < three.Contacts ? 1 : 0;
                }
            }
        }

        Assert.True(compared >= 2000, $"{compared} comparisons");
        Assert.True(nonTrivial >= 400, $"{nonTrivial} selected some but not all contacts");
    }

    [Fact]
    public async Task Generated_date_arithmetic_agrees_on_the_edge_case_data_in_all_three()
    {
        var three = await ThreeWays.OpenAsync(data.Edge);
        var generator = new ExpressionGenerator(20261207);
        var (compared, nonTrivial) = (0, 0);
        for (var i = 0; i < 300; i++)
        {
            var condition = generator.MomentCondition();
            foreach (var now in EdgeMoments)
            {
                foreach (var zone in new[] { "Europe/Amsterdam", null, "Pacific/Kiritimati", "Not/AZone" })
                {
                    var count = await three.CompareAsync(condition, generator.Segments, now, zone,
                        $"#{i} at {now:O} in {zone}: {System.Text.Json.JsonSerializer.Serialize<PlanExpression>(condition)}", reason => Assert.Fail($"not pushed down: {reason}"));
                    compared++;
                    nonTrivial += count > 0 && count < three.Contacts ? 1 : 0;
                }
            }
        }

        Assert.True(nonTrivial >= compared / 4, $"{nonTrivial} of {compared} selected some but not all contacts");
    }

    [Fact]
    public async Task A_pushed_down_count_equals_the_ids_listed()
    {
        var plan = ExampleProject.Plans().Single(p => p.Campaign.Name == "we_miss_you");
        var store = data.Examples.Postgres;
        var translation = ConditionTranslator.TranslateAudience(plan, PostgresDialect.Instance, await store.SchemaAsync(), ExampleEquivalenceTests.Moments[0]);
        Assert.True(translation.Succeeded, translation.NotTranslatable);
        var ids = await store.MatchingIdsAsync(translation.Condition!).ToListAsync();
        Assert.InRange(ids.Count, 1, 299);
        Assert.Equal(ids.Count, await store.CountAsync(translation.Condition!));
        Assert.Equal(ids.Order(StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task Local_midnight_and_local_dates_equal_the_evaluators_in_every_zone_across_daylight_saving_changes()
    {
        Assert.True(PostgresLocation.TryConnectionString(data.Edge.Url, out var connectionString));
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var (midnights, dates, zones) = (0, 0, new HashSet<string>(StringComparer.Ordinal));
        await using (var command = new Npgsql.NpgsqlCommand("""
            SELECT z.key, to_char(d, 'YYYY-MM-DD'), cdsl_local_midnight(to_char(d, 'YYYY-MM-DD'), z.key, NULL)
            FROM time_zones z CROSS JOIN generate_series(DATE '2026-01-01', DATE '2026-12-31', INTERVAL '1 day') AS d
            WHERE z.key NOT LIKE 'posix/%' AND z.key NOT LIKE 'right/%'
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var zone = LocalClock.FindZone(reader.GetString(0))!;
                var day = DateOnly.ParseExact(reader.GetString(1), "yyyy-MM-dd", CultureInfo.InvariantCulture);
                var expected = LocalClock.ToUtc(day.ToDateTime(TimeOnly.MinValue), zone).ToUnixTimeMilliseconds();
                Assert.True(expected == reader.GetInt64(2), $"midnight of {day} in {reader.GetString(0)}: .NET {expected}, PostgreSQL {reader.GetInt64(2)}");
                zones.Add(reader.GetString(0));
                midnights++;
            }
        }

        await using (var command = new Npgsql.NpgsqlCommand("""
            SELECT z.key, ms, cdsl_local_date(ms, z.key, NULL)
            FROM (SELECT key FROM time_zones WHERE key NOT LIKE 'posix/%' AND key NOT LIKE 'right/%') z
            CROSS JOIN generate_series(1767225600000, 1798761600000, 3 * 3600000 + 1) AS ms
            WHERE hashtext(z.key) % 8 = 0
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var zone = LocalClock.FindZone(reader.GetString(0))!;
                var expected = DateOnly.FromDateTime(LocalClock.ToLocal(DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)), zone)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                Assert.True(expected == reader.GetString(2), $"local date of {reader.GetInt64(1)} in {reader.GetString(0)}: .NET {expected}, PostgreSQL {reader.GetString(2)}");
                dates++;
            }
        }

        Assert.True(zones.Count >= 300, $"{zones.Count} zones");
        Assert.True(dates >= 50_000, $"{dates} local dates");
        Assert.Equal(zones.Count * 365, midnights);
    }

    private static async Task<List<string>> Describe(IContactSource source)
    {
        await using (source)
        {
            var lines = new List<string>();
            await foreach (var history in ContactHistories.ReadAsync(source))
            {
                var c = history.Contact;
                lines.Add(string.Create(CultureInfo.InvariantCulture,
                    $"contact {c.Id}|{c.Email}|{c.Phone}|{c.FirstName}|{c.LastName}|{c.TimeZone}|{c.Locale}|{c.Subscribed}|{c.CreatedAt:O}|{string.Join(";", c.Attributes.Select(a => $"{a.Key}={a.Value}"))}"));
                lines.AddRange(history.Events.Select(e => string.Create(CultureInfo.InvariantCulture,
                    $"event {e.ContactId}|{e.Type}|{e.At:O}|{e.Amount}|{string.Join(";", e.Properties.Select(p => $"{p.Key}={p.Value}"))}")));
            }

            return lines;
        }
    }

    /// <summary>One data set asked three ways: the evaluator over the PostgreSQL source's histories, SQL on SQLite, SQL on PostgreSQL.</summary>
    private sealed class ThreeWays(PostgresDataFixture.DataPair pair, PushdownFixture sqlite, List<ContactHistory> histories, SqlSchema schema)
    {
        public int Contacts => histories.Count;

        public static async Task<ThreeWays> OpenAsync(PostgresDataFixture.DataPair pair)
        {
            await using var source = pair.Postgres.AsSource();
            var histories = await ContactHistories.ReadAsync(source).ToListAsync();
            return new ThreeWays(pair, await PushdownFixture.OpenAsync(pair.Sqlite), histories, await pair.Postgres.SchemaAsync());
        }

        /// <summary>How many contacts all three select (asserting they are the same), or null when it is not pushed down.</summary>
        public async Task<int?> CompareAsync(
            PlanExpression condition, FrozenDictionary<string, PlanSegment> segments, DateTimeOffset now, string? zone, string name, Action<string> refused)
        {
            var inSqlite = await sqlite.BothAsync(condition, segments, now, zone, refused);
            var translation = ConditionTranslator.Translate(condition, PostgresDialect.Instance, schema, segments, now, zone);
            Assert.Equal(inSqlite is null, !translation.Succeeded);
            if (inSqlite is not var (sqliteIds, sqliteMemory))
            {
                return null;
            }

            var fallback = LocalClock.FindZone(zone) ?? TimeZoneInfo.Utc;
            List<string> memory = [.. histories
                .Where(h => ExpressionEvaluator.Holds(condition, new EvaluationContext(h, now, LocalClock.FindZone(h.Contact.TimeZone) ?? fallback, segments, RfmPopulation.Empty)))
                .Select(h => h.Contact.Id)];
            var postgres = await pair.Postgres.MatchingIdsAsync(translation.Condition!).ToListAsync();
            Assert.True(sqliteMemory.SequenceEqual(memory), $"{name}: in memory over SQLite [{string.Join(",", sqliteMemory)}], over PostgreSQL [{string.Join(",", memory)}]");
            Assert.True(sqliteIds.SequenceEqual(sqliteMemory), $"{name}: in memory [{string.Join(",", sqliteMemory)}], SQLite [{string.Join(",", sqliteIds)}]");
            Assert.True(postgres.SequenceEqual(memory), $"{name}: in memory [{string.Join(",", memory)}], PostgreSQL [{string.Join(",", postgres)}]\n{translation.Condition!.Where}");
            return memory.Count;
        }
    }
}
