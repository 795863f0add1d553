using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CampaignDsl.Runtime.Tests.Sending;

/// <summary>
/// An HTTP endpoint on 127.0.0.1 and a free port (HttpListener) that answers with the responses it was
/// given, in order (the last one repeats), and records every request's headers and body.
/// </summary>
internal sealed class WebhookTestServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<ScriptedResponse> _script;
    private readonly ScriptedResponse _last;
    private readonly Task _loop;

    private WebhookTestServer(HttpListener listener, int port, IReadOnlyList<ScriptedResponse> responses)
    {
        _listener = listener;
        Url = new Uri($"http://127.0.0.1:{port}/hooks/send");
        _script = new ConcurrentQueue<ScriptedResponse>(responses);
        _last = responses[^1];
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    public static WebhookTestServer Start(params ScriptedResponse[] responses)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return new WebhookTestServer(listener, port, responses);
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another process took the port between probe and start: take another.
                listener.Close();
            }
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase);
            Requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, headers, body));
            var response = _script.TryDequeue(out var next) ? next : _last;
            if (response.Delay > TimeSpan.Zero)
            {
                await Task.Delay(response.Delay);
            }

            context.Response.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers ?? [])
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(response.Body ?? "");
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

/// <summary>One answer of the <see cref="WebhookTestServer"/>.</summary>
internal sealed record ScriptedResponse(int Status, string? Body = null, Dictionary<string, string>? Headers = null, TimeSpan Delay = default);

/// <summary>A request the <see cref="WebhookTestServer"/> received.</summary>
internal sealed record RecordedRequest(string Method, Dictionary<string, string> Headers, string Body);
