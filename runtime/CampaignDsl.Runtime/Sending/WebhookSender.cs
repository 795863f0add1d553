using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// Posts each message as JSON (<see cref="WebhookPayload"/>) to an HTTP endpoint, the way ESPs, SMS
/// and push gateways are reached, with the idempotency key as the <c>Idempotency-Key</c> header.
/// 2xx is delivered (the provider id is the response's <c>id</c>, else its <c>X-Message-Id</c>);
/// 429 and 5xx are transient, with the response's <c>Retry-After</c>; any other status is permanent
/// (redirects are not followed: configure the final URL). Reasons name the status and the start of
/// the response, never the request's headers, which may hold a token.
/// </summary>
public sealed class WebhookSender : ISender, IDisposable
{
    public const string IdempotencyHeader = "Idempotency-Key";

    private const int MaxReasonBody = 200;
    private readonly HttpClient _http;
    private readonly Uri _url;
    private readonly ImmutableSortedDictionary<string, string> _headers;
    private readonly string? _token;
    private readonly TimeSpan _timeout;
    private readonly ISendClock _clock;

    /// <param name="token">Sent as <c>Authorization: Bearer</c>; read from the variable <c>token_env</c> names.</param>
    public WebhookSender(Uri url, ImmutableSortedDictionary<string, string> headers, string? token, TimeSpan timeout, ISendClock clock, HttpMessageHandler? handler = null)
    {
        _url = url;
        _headers = headers;
        _token = token;
        _timeout = timeout;
        _clock = clock;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false }, disposeHandler: true)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (MessageSafety.Problem(message) is { } problem)
        {
            return new SendOutcome.PermanentFailure(problem);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = JsonContent.Create(WebhookPayload.Of(message)) };
        foreach (var (name, value) in _headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        request.Headers.Add(IdempotencyHeader, message.IdempotencyKey);
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new SendOutcome.Delivered(ProviderId(body, response) ?? message.IdempotencyKey);
            }

            var reason = $"{_url.GetLeftPart(UriPartial.Path)} answered {status} {response.ReasonPhrase}{Excerpt(body)}";
            return response.StatusCode == HttpStatusCode.TooManyRequests || status >= 500
                ? new SendOutcome.TransientFailure(reason, RetryAfter(response))
                : new SendOutcome.PermanentFailure(reason);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome.TransientFailure($"{_url.GetLeftPart(UriPartial.Path)} did not answer within {_timeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException exception)
        {
            return new SendOutcome.TransientFailure($"{_url.GetLeftPart(UriPartial.Path)}: {exception.Message}");
        }
    }

    public void Dispose() => _http.Dispose();

    private TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > _clock.UtcNow ? date - _clock.UtcNow : TimeSpan.Zero,
        _ => null,
    };

    private static string? ProviderId(string body, HttpResponseMessage response)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id))
            {
                return id.ValueKind == JsonValueKind.String ? id.GetString() : id.GetRawText();
            }
        }
        catch (JsonException)
        {
            // Not JSON: the header may still name the message.
        }

        return response.Headers.TryGetValues("X-Message-Id", out var values) ? values.FirstOrDefault() : null;
    }

    private static string Excerpt(string body)
    {
        var text = string.Concat(body.Take(MaxReasonBody).Select(c => char.IsControl(c) ? ' ' : c)).Trim();
        return text.Length == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $": {text}{(body.Length > MaxReasonBody ? "..." : "")}");
    }
}
