using CampaignDsl.Runtime.Sending;

namespace CampaignDsl.Runtime.Tests.Sending;

public sealed class RetryingSenderTests
{
    [Fact]
    public async Task Attempts_are_spaced_by_the_rate_limit_on_the_clock()
    {
        var clock = new FakeSendClock();
        var inner = new ScriptedSender(clock, _ => new SendOutcome.Delivered("ok"));
        var sender = new RetryingSender(inner, SendPolicy.Default with { RatePerSecond = 4 }, clock);

        for (var i = 0; i < 6; i++)
        {
            await sender.SendAsync(Messages.Email("c-" + i));
        }

        var gaps = inner.Attempts.Zip(inner.Attempts.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.Equal(5, gaps.Count);
        Assert.All(gaps, gap => Assert.Equal(TimeSpan.FromMilliseconds(250), gap));
    }

    [Fact]
    public async Task Concurrent_callers_share_one_rate_limit()
    {
        var clock = new FakeSendClock();
        var inner = new ScriptedSender(clock, _ => new SendOutcome.Delivered("ok"));
        var sender = new RetryingSender(inner, SendPolicy.Default with { RatePerSecond = 2 }, clock);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => sender.SendAsync(Messages.Email("c-" + i))));

        var start = new FakeSendClock().UtcNow;
        Assert.Equal([0, 500, 1000, 1500], inner.Attempts.Select(a => (a.At - start).TotalMilliseconds).Order());
    }

    [Fact]
    public async Task Backoff_doubles_up_to_its_limit_and_a_longer_retry_after_wins()
    {
        var clock = new FakeSendClock();
        var inner = new ScriptedSender(clock, attempt => attempt switch
        {
            3 => new SendOutcome.TransientFailure("busy", TimeSpan.FromSeconds(30)),
            < 6 => new SendOutcome.TransientFailure("busy"),
            _ => new SendOutcome.Delivered("ok"),
        });
        var policy = SendPolicy.Default with { RatePerSecond = 1000, MaxAttempts = 6, MaxBackoff = TimeSpan.FromSeconds(5) };

        var outcome = await new RetryingSender(inner, policy, clock).SendAsync(Messages.Email());

        Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Equal([1, 2, 30, 5, 5], clock.Delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task A_retry_after_beyond_the_longest_wait_is_handed_back_as_transient()
    {
        var clock = new FakeSendClock();
        var inner = new ScriptedSender(clock, _ => new SendOutcome.TransientFailure("quota", TimeSpan.FromHours(2)));

        var outcome = await new RetryingSender(inner, SendPolicy.Default, clock).SendAsync(Messages.Email());

        Assert.Equal(TimeSpan.FromHours(2), Assert.IsType<SendOutcome.TransientFailure>(outcome).RetryAfter);
        Assert.Single(inner.Attempts);
    }

    [Fact]
    public async Task Every_attempt_carries_the_same_message_and_a_throwing_sender_costs_one_attempt()
    {
        var clock = new FakeSendClock();
        var inner = new ScriptedSender(clock, attempt => attempt == 1 ? throw new InvalidOperationException("driver bug") : new SendOutcome.Delivered("ok"));
        var message = Messages.Email();

        var outcome = await new RetryingSender(inner, SendPolicy.Default, clock).SendAsync(message);

        Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Equal(2, inner.Attempts.Count);
        Assert.All(inner.Attempts, a => Assert.Same(message, a.Message));
    }

    [Fact]
    public async Task An_unsafe_message_never_reaches_the_sender()
    {
        var clock = new FakeSendClock();
        var inner = new ScriptedSender(clock, _ => new SendOutcome.Delivered("ok"));

        var outcome = await new RetryingSender(inner, SendPolicy.Default, clock).SendAsync(Messages.Email() with { Subject = "a\nb" });

        Assert.IsType<SendOutcome.PermanentFailure>(outcome);
        Assert.Empty(inner.Attempts);
    }

    /// <summary>Answers attempt n (1-based) as told and records when each attempt came.</summary>
    private sealed class ScriptedSender(FakeSendClock clock, Func<int, SendOutcome> answer) : ISender
    {
        public List<(DateTimeOffset At, OutgoingMessage Message)> Attempts { get; } = [];

        public Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
        {
            lock (Attempts)
            {
                Attempts.Add((clock.UtcNow, message));
                return Task.FromResult(answer(Attempts.Count));
            }
        }
    }
}
