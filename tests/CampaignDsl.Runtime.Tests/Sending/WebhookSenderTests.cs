using System.Collections.Immutable;
using System.Text.Json;
using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Runtime.Sending;

namespace CampaignDsl.Runtime.Tests.Sending;

public sealed class WebhookSenderTests
{
    private static readonly ScriptedResponse Accepted = new(202, """{"id":"msg-42"}""");

    [Fact]
    public async Task A_503_is_retried_with_backoff_then_delivered_with_the_same_idempotency_key()
    {
        using var server = WebhookTestServer.Start(new ScriptedResponse(503), new ScriptedResponse(503), Accepted);
        var clock = new FakeSendClock();
        using var sender = Open(server, clock, maxAttempts: 5);
        var message = Messages.Email();

        var outcome = await sender.Sender.SendAsync(message);

        Assert.Equal("msg-42", Assert.IsType<SendOutcome.Delivered>(outcome).ProviderId);
        var requests = server.Requests.ToList();
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(message.IdempotencyKey, r.Headers[WebhookSender.IdempotencyHeader]));
        Assert.All(requests, r => Assert.Equal(requests[0].Body, r.Body));
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], clock.Delays);
    }

    [Fact]
    public async Task A_429_waits_the_retry_after_it_gives()
    {
        using var server = WebhookTestServer.Start(new ScriptedResponse(429, Headers: new() { ["Retry-After"] = "7" }), Accepted);
        var clock = new FakeSendClock();
        using var sender = Open(server, clock, maxAttempts: 3);

        var outcome = await sender.Sender.SendAsync(Messages.Email());

        Assert.IsType<SendOutcome.Delivered>(outcome);
        Assert.Equal([TimeSpan.FromSeconds(7)], clock.Delays);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task A_400_is_permanent_at_once_and_names_the_status()
    {
        using var server = WebhookTestServer.Start(new ScriptedResponse(400, """{"error":"unknown template"}"""), Accepted);
        var clock = new FakeSendClock();
        using var sender = Open(server, clock, maxAttempts: 5);

        var outcome = await sender.Sender.SendAsync(Messages.Email());

        var failure = Assert.IsType<SendOutcome.PermanentFailure>(outcome);
        Assert.Contains("400", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("unknown template", failure.Reason, StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.Empty(clock.Delays);
    }

    [Fact]
    public async Task A_spent_retry_budget_is_handed_back_as_transient_saying_so()
    {
        using var server = WebhookTestServer.Start(new ScriptedResponse(500, "database down"));
        var clock = new FakeSendClock();
        using var sender = Open(server, clock, maxAttempts: 3);

        var outcome = await sender.Sender.SendAsync(Messages.Email());

        // Still transient: the run offers it again in a later pass, and records it failed only after its own limit.
        var failure = Assert.IsType<SendOutcome.TransientFailure>(outcome);
        Assert.Contains("gave up for now after 3 attempts", failure.Reason, StringComparison.Ordinal);
        Assert.Contains("500", failure.Reason, StringComparison.Ordinal);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task One_failing_recipient_does_not_stop_or_resend_the_others()
    {
        using var server = WebhookTestServer.Start(Accepted, new ScriptedResponse(422, "invalid number"), Accepted);
        using var sender = Open(server, new FakeSendClock(), maxAttempts: 5);

        var outcomes = new List<SendOutcome>();
        foreach (var contact in new[] { "c-1", "c-2", "c-3" })
        {
            outcomes.Add(await sender.Sender.SendAsync(Messages.Email(contact)));
        }

        Assert.IsType<SendOutcome.Delivered>(outcomes[0]);
        Assert.IsType<SendOutcome.PermanentFailure>(outcomes[1]);
        Assert.IsType<SendOutcome.Delivered>(outcomes[2]);
        Assert.Equal(3, server.Requests.Count);
        Assert.Equal(3, server.Requests.Select(r => r.Headers[WebhookSender.IdempotencyHeader]).Distinct().Count());
    }

    [Fact]
    public async Task The_body_is_the_message_as_json_and_the_token_goes_only_in_the_authorization_header()
    {
        const string Secret = "tok-5b1f0c9e-not-for-logs";
        using var server = WebhookTestServer.Start(new ScriptedResponse(500, "oops"));
        var variable = "CAMPAIGNC_TEST_HOOK_TOKEN_" + Guid.NewGuid().ToString("N");
        var settings = new AdapterSettings("webhook", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["url"] = server.Url.ToString(),
            ["token_env"] = variable,
            ["max_attempts"] = "2",
        }))
        { Mapping = ImmutableSortedDictionary<string, string>.Empty.Add("X-Tenant", "shop") };
        var context = SenderContext.Default with { Clock = new FakeSendClock(), Environment = name => name == variable ? Secret : null };
        using var sender = Senders.BuiltIn.Open(settings, context);

        var outcome = await sender.SendAsync(Messages.Email());

        var request = server.Requests.First();
        Assert.Equal("Bearer " + Secret, request.Headers["Authorization"]);
        Assert.Equal("shop", request.Headers["X-Tenant"]);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("c-17850", json.RootElement.GetProperty("contact_id").GetString());
        Assert.Equal("WB-7Q2K", json.RootElement.GetProperty("incentive_code").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", json.RootElement.GetProperty("headers").GetProperty("List-Unsubscribe-Post").GetString());
        Assert.DoesNotContain(Secret, Assert.IsType<SendOutcome.TransientFailure>(outcome).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_token_variable_stops_the_open_naming_the_variable()
    {
        var settings = new AdapterSettings("webhook", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, string>
        {
            ["url"] = "http://127.0.0.1:9/hooks",
            ["token_env"] = "CAMPAIGNC_TEST_UNSET_TOKEN",
        }));

        var error = Assert.Throws<SenderException>(() => Senders.BuiltIn.Open(settings, SenderContext.Default with { Environment = _ => null }));

        Assert.Contains("CAMPAIGNC_TEST_UNSET_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_answers_too_late_is_a_transient_failure()
    {
        using var server = WebhookTestServer.Start(new ScriptedResponse(202, Delay: TimeSpan.FromSeconds(2)));
        using var sender = new WebhookSender(server.Url, ImmutableSortedDictionary<string, string>.Empty, null, TimeSpan.FromMilliseconds(300), new FakeSendClock());

        var outcome = await sender.SendAsync(Messages.Email());

        Assert.Contains("did not answer", Assert.IsType<SendOutcome.TransientFailure>(outcome).Reason, StringComparison.Ordinal);
    }

    private static OpenedSender Open(WebhookTestServer server, FakeSendClock clock, int maxAttempts)
    {
        var webhook = new WebhookSender(server.Url, ImmutableSortedDictionary<string, string>.Empty, null, TimeSpan.FromSeconds(30), clock);
        var policy = SendPolicy.Default with { MaxAttempts = maxAttempts, RatePerSecond = 1000 };
        return new OpenedSender(webhook, new RetryingSender(webhook, policy, clock));
    }

    private sealed record OpenedSender(WebhookSender Webhook, RetryingSender Sender) : IDisposable
    {
        public void Dispose() => Webhook.Dispose();
    }
}
