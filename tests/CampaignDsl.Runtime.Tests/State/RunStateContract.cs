using CampaignDsl.Runtime.State;

namespace CampaignDsl.Runtime.Tests.State;

/// <summary>What every run state must do, run against SQLite (<see cref="SqliteRunStateTests"/>) and PostgreSQL (<see cref="PostgresRunStateTests"/>).</summary>
public abstract class RunStateContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>A new, empty state location.</summary>
    protected abstract Task<string> NewLocationAsync();

    protected static OutboxSend Send(string contact, string stage = "recognition", int occurrence = 1, string version = "v1", DateTimeOffset? due = null) => new(
        $"{version}-{stage}-{contact}-{occurrence}", "we_miss_you", version, stage, "send.0", contact, occurrence, "email", due ?? T0, "file",
        "Anna <anna@shop.example>", $"{contact}@example.com", "We miss you", "<p>Hi</p>", "Hi",
        new Dictionary<string, string> { ["List-Unsubscribe"] = "<https://shop.example/u>" });

    [Fact]
    public async Task Migrations_are_applied_once_and_again_on_reopen_nothing_changes()
    {
        var location = await NewLocationAsync();
        await using (var state = await RunState.OpenAsync(location))
        {
            Assert.Equal([1, 2], await state.AppliedMigrationsAsync());
            await state.OfferAsync([Send("c1")], T0);
        }

        await using (var again = await RunState.OpenAsync(location))
        {
            Assert.Equal([1, 2], await again.AppliedMigrationsAsync());
            Assert.Equal(1, (await again.CountSendsAsync())[SendStatus.Pending]);
        }
    }

    [Fact]
    public async Task A_send_is_recorded_once_even_when_a_new_plan_version_offers_it_under_another_key()
    {
        await using var state = await RunState.OpenAsync(await NewLocationAsync());
        Assert.Equal(2, await state.OfferAsync([Send("c1"), Send("c2")], T0));
        Assert.Equal(0, await state.OfferAsync([Send("c1"), Send("c2")], T0.AddMinutes(1)));
        Assert.Equal(0, await state.OfferAsync([Send("c1", version: "v2")], T0.AddMinutes(2)));
        Assert.Equal(1, await state.OfferAsync([Send("c1", occurrence: 2, version: "v2")], T0.AddMinutes(2)));
        var keys = new List<string>();
        await foreach (var send in state.ReadSendsAsync())
        {
            keys.Add(send.IdempotencyKey);
        }

        Assert.Equal(["v1-recognition-c1-1", "v1-recognition-c2-1", "v2-recognition-c1-2"], keys);
    }

    [Fact]
    public async Task Workers_claim_disjoint_sends_and_a_dead_workers_send_is_offered_again_with_the_same_key()
    {
        await using var state = await RunState.OpenAsync(await NewLocationAsync());
        await state.OfferAsync([.. Enumerable.Range(0, 10).Select(i => Send($"c{i}"))], T0);
        var a = await state.ClaimAsync("a", T0, T0.AddMinutes(5), 6);
        var b = await state.ClaimAsync("b", T0, T0.AddMinutes(5), 6);
        Assert.Equal(6, a.Count);
        Assert.Equal(4, b.Count);
        Assert.Empty(a.Select(s => s.IdempotencyKey).Intersect(b.Select(s => s.IdempotencyKey)));
        Assert.Empty(await state.ClaimAsync("c", T0.AddMinutes(4), T0.AddMinutes(9), 10));

        // a dies; after its lease c gets its sends, with their keys and a second attempt.
        var reoffered = await state.ClaimAsync("c", T0.AddMinutes(6), T0.AddMinutes(11), 10);
        Assert.Equal(a.Select(s => s.IdempotencyKey).Concat(b.Select(s => s.IdempotencyKey)).Order(), reoffered.Select(s => s.IdempotencyKey).Order());
        Assert.All(reoffered, s => Assert.Equal(2, s.Attempts));

        // A late word from the dead worker is not taken: c holds the claim.
        Assert.False(await state.CompleteAsync(a[0].IdempotencyKey, "a", new SendResult.Delivered("x"), T0.AddMinutes(7)));
        Assert.True(await state.CompleteAsync(a[0].IdempotencyKey, "c", new SendResult.Delivered("id-1"), T0.AddMinutes(7)));
        var done = await state.FindSendAsync(a[0].IdempotencyKey);
        Assert.Equal((SendStatus.Delivered, "id-1"), (done!.Status, done.ProviderId));
    }

    [Fact]
    public async Task A_retry_waits_for_its_time_and_failures_and_suppressions_are_final()
    {
        await using var state = await RunState.OpenAsync(await NewLocationAsync());
        await state.OfferAsync([Send("c1"), Send("c2"), Send("c3")], T0);
        var claimed = await state.ClaimAsync("w", T0, T0.AddMinutes(5), 10);
        Assert.True(await state.CompleteAsync("v1-recognition-c1-1", "w", new SendResult.Retry("421 try later", T0.AddMinutes(30)), T0));
        Assert.True(await state.CompleteAsync("v1-recognition-c2-1", "w", new SendResult.Failed("554 no such user"), T0));
        Assert.True(await state.CompleteAsync("v1-recognition-c3-1", "w", new SendResult.Suppressed("unsubscribed"), T0));
        Assert.Equal(3, claimed.Count);
        Assert.Empty(await state.ClaimAsync("w", T0.AddMinutes(29), T0.AddMinutes(40), 10));
        Assert.Equal(T0.AddMinutes(30), await state.NextRetryAsync());
        var retried = Assert.Single(await state.ClaimAsync("w", T0.AddMinutes(30), T0.AddMinutes(40), 10));
        Assert.Equal(("v1-recognition-c1-1", "421 try later"), (retried.IdempotencyKey, retried.LastError));
        var counts = await state.CountSendsAsync();
        Assert.Equal(1, counts[SendStatus.Failed]);
        Assert.Equal(1, counts[SendStatus.Suppressed]);
        Assert.Equal(1, counts[SendStatus.Sending]);
    }

    [Fact]
    public async Task A_campaign_keeps_its_first_start_and_records_each_plan_version()
    {
        await using var state = await RunState.OpenAsync(await NewLocationAsync());
        Assert.Null(await state.FindCampaignAsync("we_miss_you"));
        var first = await state.ApplyPlanAsync("we_miss_you", "v1", "a.campaign", ["recognition", "value"], T0);
        var second = await state.ApplyPlanAsync("we_miss_you", "v2", "a.campaign", ["recognition"], T0.AddDays(3));
        Assert.Equal(T0, first.StartedAt);
        Assert.Equal((T0, "v2"), (second.StartedAt, second.PlanVersion));
        Assert.Equal("v2", (await state.FindCampaignAsync("we_miss_you"))!.PlanVersion);
        Assert.Equal(["recognition", "value"], await state.StagesOfAsync("we_miss_you", "v1"));
        Assert.Equal(["recognition"], await state.StagesOfAsync("we_miss_you", "v2"));
        Assert.Empty(await state.StagesOfAsync("we_miss_you", "v3"));
    }

    [Fact]
    public async Task Suppressions_match_contact_and_address_case_insensitively_from_their_time_on()
    {
        await using var state = await RunState.OpenAsync(await NewLocationAsync());
        Assert.Equal(2, await state.SuppressAsync([
            new Suppression("email", " Anna@Example.COM ", "unsubscribed", "events", T0),
            new Suppression("contact", "c9", "complaint", "suppressions.csv", T0.AddDays(1)),
        ]));
        Assert.Equal(0, await state.SuppressAsync([new Suppression("email", "anna@example.com", "bounce", "events", T0.AddDays(5))]));
        Assert.Equal("unsubscribed", (await state.FindSuppressionAsync("c1", "anna@example.com", null, T0))!.Reason);
        Assert.Null(await state.FindSuppressionAsync("c1", "anna@example.com", null, T0.AddSeconds(-1)));
        Assert.Null(await state.FindSuppressionAsync("c9", "other@example.com", null, T0));
        Assert.Equal("complaint", (await state.FindSuppressionAsync("c9", "other@example.com", null, T0.AddDays(2)))!.Reason);
    }

    [Fact]
    public async Task The_audit_log_records_a_decision_once_in_the_order_written()
    {
        await using var state = await RunState.OpenAsync(await NewLocationAsync());
        AuditRecord[] records =
        [
            new("k1", T0, "entered", "audience holds", "we_miss_you", "c1"),
            new("k2", T0.AddDays(1), "skipped", "when condition c.1 does not hold", "we_miss_you", "c1", "value"),
        ];
        Assert.Equal(2, await state.AuditAsync(records, "w", T0));
        Assert.Equal(0, await state.AuditAsync(records, "w", T0.AddHours(1)));
        var read = new List<AuditRecord>();
        await foreach (var record in state.ReadAuditAsync("c1"))
        {
            read.Add(record);
        }

        Assert.Equal(records, read);
    }

    [Fact]
    public async Task Many_workers_claiming_at_once_get_every_send_exactly_once()
    {
        var location = await NewLocationAsync();
        await using (var setup = await RunState.OpenAsync(location))
        {
            await setup.OfferAsync([.. Enumerable.Range(0, 300).Select(i => Send($"c{i:D3}"))], T0);
        }

        var claimedBy = new System.Collections.Concurrent.ConcurrentBag<(string Worker, string Key)>();
        await Task.WhenAll(Enumerable.Range(0, 3).Select(w => Task.Run(async () =>
        {
            await using var state = await RunState.OpenAsync(location);
            while (await state.ClaimAsync($"w{w}", T0, T0.AddHours(1), 7) is { Count: > 0 } batch)
            {
                foreach (var send in batch)
                {
                    claimedBy.Add(($"w{w}", send.IdempotencyKey));
                    Assert.True(await state.CompleteAsync(send.IdempotencyKey, $"w{w}", new SendResult.Delivered(null), T0));
                }
            }
        })));
        Assert.Equal(300, claimedBy.Count);
        Assert.Equal(300, claimedBy.Select(c => c.Key).Distinct().Count());
    }
}
