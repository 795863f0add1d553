using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CampaignDsl.Tests.Servers;

/// <summary>
/// A real, throw-away PostgreSQL server for tests: a new cluster in a temp folder (<c>initdb</c>, trust
/// authentication), listening on 127.0.0.1 on a free port only, stopped and deleted on dispose. Needs the
/// Debian package <c>postgresql</c> (tests/run.sh installs it); as root the server runs as the
/// <c>postgres</c> user, which PostgreSQL requires. A machine without it fails the test with what to install.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _folder;
    private readonly Process _server;

    private PostgresServer(string folder, Process server, int port)
    {
        _folder = folder;
        _server = server;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A connection string to database <c>postgres</c> as user <c>postgres</c>.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=30";

    public string Url(string database = "postgres") => $"postgres://postgres@127.0.0.1:{Port}/{database}";

    public static async Task<PostgresServer> StartAsync()
    {
        var bin = FindBinaries()
            ?? throw new InvalidOperationException("PostgreSQL's server programs (initdb, postgres) are not installed: run `apt-get install postgresql` (tests/run.sh does it)");
        var folder = Directory.CreateTempSubdirectory("campaignc-pg-").FullName;
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", folder]).ConfigureAwait(false);
        }

        var data = Path.Combine(folder, "data");
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"], asRoot).ConfigureAwait(false);
        var port = FreePort();
        var server = Start(Path.Combine(bin, "postgres"),
            ["-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", folder, "-c", "listen_addresses=127.0.0.1",
             "-c", "fsync=off", "-c", "max_connections=50"], asRoot);

        // The server logs to its standard error; drained, or it would block once the pipe is full.
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        server.OutputDataReceived += (_, e) => { if (e.Data is not null) { log.Enqueue(e.Data); } };
        server.BeginErrorReadLine();
        server.BeginOutputReadLine();
        var instance = new PostgresServer(folder, server, port);
        for (var i = 0; i < 300; i++)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"PostgreSQL did not start: {string.Join('\n', log)}");
            }

            try
            {
                await using var connection = new Npgsql.NpgsqlConnection(instance.ConnectionString);
                await connection.OpenAsync().ConfigureAwait(false);
                return instance;
            }
            catch (Npgsql.NpgsqlException)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }

        await instance.DisposeAsync().ConfigureAwait(false);
        throw new InvalidOperationException("PostgreSQL did not accept connections within 30 s");
    }

    /// <summary>Creates an empty database and returns its URL.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
        return Url(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_server.HasExited)
            {
                // SIGINT: PostgreSQL's fast shutdown.
                _ = Process.Start("kill", ["-INT", _server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                if (!_server.WaitForExit(20_000))
                {
                    _server.Kill(entireProcessTree: true);
                }
            }
        }
        finally
        {
            _server.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb"))).Order(StringComparer.Ordinal).LastOrDefault()
            : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var info = asPostgres ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", program, .. arguments]) : new ProcessStartInfo(program, arguments);
        info.RedirectStandardError = true;
        info.RedirectStandardOutput = true;
        info.UseShellExecute = false;
        return Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres = false)
    {
        using var process = Start(program, arguments, asPostgres);
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error.ConfigureAwait(false)}");
        }
    }
}
