using System.CommandLine;
using System.Globalization;
using Campaignc.Input;
using Campaignc.Output;
using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Postgres;
using CampaignDsl.Runtime.Running;
using CampaignDsl.Runtime.Running.Ticks;
using CampaignDsl.Runtime.Sending;
using CampaignDsl.Runtime.State;
using CampaignDsl.Runtime.Templates;

namespace Campaignc.Commands;

/// <summary>
/// <c>campaignc run FILE|PLAN... [--now T | --until T] [--data SOURCE] [--state STATE] [--outbox FOLDER]</c>: really
/// sends. Replays the campaigns on the simulator's scheduler up to now, records what is due in the run state's outbox
/// (each send once, under its idempotency key), and delivers it through the configured sender. Safe to run from cron
/// every minute, to kill at any moment and to start again: docs/runtime.md ("Real runs") states the guarantees.
/// </summary>
public static class RunCommand
{
    public sealed record RunRequest(
        IReadOnlyList<string> Paths, IReadOnlyList<string> Data, string? Now, string? Until, string? State, string? Outbox,
        string? Worker, int LeaseSeconds, string LinksBase, string? ConfigPath)
    {
        /// <summary>Suppression lists (CSV) to add before sending.</summary>
        public IReadOnlyList<string> Suppressions { get; init; } = [];

        /// <summary>Keep ticking, a tick a minute on the real clock, until stopped (SIGTERM, Ctrl-C): a long-running worker.</summary>
        public bool Watch { get; init; }
    }

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("files") { Description = ".campaign files or folders (compiled in-process) and .plan.json files.", Arity = ArgumentArity.OneOrMore };
        var data = new Option<string[]>("--data")
        {
            Description = "The contacts: a campaignc.yaml (its runtime.data), a SQLite store (.db) or canonical CSV files. Default: campaignc.yaml's runtime.data.",
            AllowMultipleArgumentsPerToken = true,
        };
        var now = new Option<string?>("--now") { Description = "Do everything due by this moment (ISO 8601, such as 2026-03-01T09:00:00Z), once, and stop: for cron. Default: the real clock." };
        var until = new Option<string?>("--until") { Description = "Keep running on the real clock, sending what falls due, until this moment (ISO 8601)." };
        var state = new Option<string?>("--state") { Description = "The run state: an SQLite file, or a postgres://user@host:port/database URL (password from PGPASSWORD). Default: campaignc.yaml's runtime.state, else .campaignc/state.db beside campaignc.yaml." };
        var outbox = new Option<string?>("--outbox") { Description = "Send with the file sender into this folder (.eml files and outbox.jsonl), whatever campaignc.yaml's runtime.sender says." };
        var worker = new Option<string?>("--worker") { Description = "This worker's name in claims and the audit log. Default: host:pid:nonce." };
        var lease = new Option<int>("--lease") { Description = "Seconds a claimed send stays this worker's; a worker that dies mid-send loses its claims after this.", DefaultValueFactory = _ => 120 };
        var links = new Option<string>("--links-base") { Description = "The base of the unsubscribe, preferences and view-in-browser links.", DefaultValueFactory = _ => MessageLinks.DefaultBaseUrl };
        var config = new Option<string?>("--config") { Description = "The campaignc.yaml to use (default: the nearest one)." };
        var suppressions = new Option<string[]>("--suppressions")
        {
            Description = "Suppression lists to add before sending: CSV files with email, phone or contact_id (and optionally reason, at) columns.",
            AllowMultipleArgumentsPerToken = true,
        };
        var watch = new Option<bool>("--watch") { Description = "Keep running as a worker, a tick a minute on the real clock, until stopped (SIGTERM or Ctrl-C ends it after the tick in progress)." };
        var command = new Command("run", "Really send: what is due now goes out through the configured sender, each message exactly once.")
        {
            paths, data, now, until, watch, state, outbox, worker, lease, links, config, suppressions,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new RunRequest(result.GetValue(paths) ?? [], result.GetValue(data) ?? [], result.GetValue(now), result.GetValue(until), result.GetValue(state),
                result.GetValue(outbox), result.GetValue(worker), result.GetValue(lease), result.GetValue(links)!, result.GetValue(config))
            {
                Suppressions = result.GetValue(suppressions) ?? [],
                Watch = result.GetValue(watch),
            },
            stdout, stderr, RunClock.System, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(RunRequest request, TextWriter stdout, TextWriter stderr, RunClock clock, CancellationToken cancellationToken = default)
    {
        var cwd = Directory.GetCurrentDirectory();
        if (Problems(request) is { Count: > 0 } problems)
        {
            return Usage(stderr, problems);
        }

        var config = ConfigurationInput.Load(request.ConfigPath, [.. request.Paths.Where(p => !PlanInput.IsPlan(p))], cwd, LintRules.Registry);
        if (config.Problem is not null)
        {
            return Usage(stderr, [config.Problem]);
        }

        var configuration = config.Loaded.Configuration;
        // Plugin scripts run once, before the plans compile: they add functions, senders and data sources.
        if (PluginInput.Start(configuration, cwd, stderr, out var plugins) is not { } pluginKinds)
        {
            return ExitCodes.CampaignErrors;
        }

        var loaded = PlanInput.Load(request.Paths, configuration, cwd, stderr, "run", out var failure, plugins.Functions);
        if (loaded is null)
        {
            return failure;
        }

        var campaigns = loaded.Select(p => new RunCampaign(p.Plan, p.CampaignPath, p.Templates.Read, p.Templates.ReadPlainText)).ToList();
        var stateLocation = StateLocation(request.State, configuration, cwd, create: true);
        var senderSettings = request.Outbox is { } folder
            ? new AdapterSettings("file", System.Collections.Immutable.ImmutableSortedDictionary<string, string>.Empty.Add("folder", Path.GetFullPath(folder, cwd)))
            : configuration.Runtime.Sender;
        if (senderSettings is null)
        {
            return Usage(stderr, ["no sender: give --outbox FOLDER, or configure runtime.sender in campaignc.yaml (docs/configuration.md)"]);
        }

        ISender sender;
        try
        {
            sender = pluginKinds.AddTo(Senders.BuiltIn).Open(senderSettings, SenderContext.Default);
        }
        catch (SenderException e)
        {
            return Usage(stderr, [e.Message]);
        }

        var dataProblems = new DataProblemLog();
        try
        {
            await using var state = await RunState.OpenAsync(stateLocation, cancellationToken).ConfigureAwait(false);
            var worker = request.Worker ?? RunSettings.DefaultWorker();
            var until = request.Until is null ? (DateTimeOffset?)null : Instant(request.Until);
            var report = new RunReport(stdout);
            report.Started(state.Description, senderSettings.Kind, worker);
            foreach (var list in request.Suppressions)
            {
                var read = await SuppressionList.ReadAsync(Path.GetFullPath(list, cwd), list, cancellationToken).ConfigureAwait(false);
                report.Suppressions(list, read.Count, await state.SuppressAsync(read, cancellationToken).ConfigureAwait(false));
            }

            var firstPass = true;
            do
            {
                // A pass of --until never looks past its moment, and the last one is at exactly that moment, however long the
                // passes before it took: everything due by --until goes out, nothing due later.
                var now = request.Now is not null ? Instant(request.Now)
                    : firstPass || until is null ? clock.Time.GetUtcNow()
                    : Min(clock.Time.GetUtcNow(), until.Value);
                firstPass = false;
                var settings = new RunSettings(now, worker, senderSettings.Kind, new MessageLinks(request.LinksBase), TimeSpan.FromSeconds(request.LeaseSeconds),
                    MaxAttempts: senderSettings.GetNumber("max_attempts") is { } max ? Math.Max(max, 1) * 2 : 8);
                var running = new Dictionary<string, RunningCampaign>(StringComparer.Ordinal);
                foreach (var campaign in campaigns)
                {
                    if (await PlanChange.DescribeAsync(state, campaign, cancellationToken).ConfigureAwait(false) is { } change)
                    {
                        report.PlanChanged(change);
                        await PlanChange.ApplyAsync(state, campaign, change, settings, cancellationToken).ConfigureAwait(false);
                    }

                    running[campaign.Name] = await state.ApplyPlanAsync(campaign.Name, campaign.Version, campaign.Source, [.. campaign.Plan.Stages.Select(s => s.Name)], now, cancellationToken).ConfigureAwait(false);
                }

                await using var source = await DataSourceInput.OpenAsync(request.Data, config, cwd, dataProblems, stderr, pluginKinds, cancellationToken).ConfigureAwait(false);
                if (source is null)
                {
                    return ExitCodes.UsageError;
                }

                // A worker (--watch) finishes the tick in progress when asked to stop, and stops after it; other runs stop at once
                // (each batch is a transaction, so either way nothing is left half-written).
                var work = request.Watch ? CancellationToken.None : cancellationToken;
                var planned = await new RunTick(state, campaigns, settings, clock.Time) { Stopping = cancellationToken }.RunAsync(source, running, work).ConfigureAwait(false);
                var delivered = await new RunDelivery(state, sender, settings, clock.Time) { Stopping = cancellationToken }.DeliverAsync(work).ConfigureAwait(false);
                report.Pass(now, planned, delivered, await state.CountSendsAsync(work).ConfigureAwait(false));
                if (request.Watch && cancellationToken.IsCancellationRequested)
                {
                    await stdout.WriteLineAsync("stopped after the tick; the run state is complete").ConfigureAwait(false);
                    return ExitCodes.Success;
                }
                if (!request.Watch && (until is null || now >= until))
                {
                    break;
                }

                // The next pass a minute on (stage times are minute-grained), or at --until; at once when this pass ran past it.
                var next = clock.Time.GetUtcNow().AddMinutes(1);
                var wait = (until is { } end ? Min(next, end) : next) - clock.Time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    try
                    {
                        await clock.Delay(wait, cancellationToken).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException) when (request.Watch && cancellationToken.IsCancellationRequested)
                    {
                        // Stopped between ticks: everything due was written and delivered; nothing is left half-done.
                        await stdout.WriteLineAsync("stopped between ticks; the run state is complete").ConfigureAwait(false);
                        return ExitCodes.Success;
                    }
                }
            }
            while (true);
        }
        catch (StateStoreException e)
        {
            return Usage(stderr, [e.Message]);
        }
        catch (DataSourceException e)
        {
            foreach (var problem in e.Problems)
            {
                await stderr.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            return Usage(stderr, [e.Message]);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C: what was delivered is recorded; a send in flight is offered again, with its key, by the next run.
            await stderr.WriteLineAsync("campaignc: stopped; run again to continue where this run left off").ConfigureAwait(false);
            return ExitCodes.Interrupted;
        }

        foreach (var problem in dataProblems.Kept.Take(20))
        {
            await stderr.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static List<string> Problems(RunRequest request)
    {
        var problems = new List<string>();
        if (new[] { request.Now is not null, request.Until is not null, request.Watch }.Count(given => given) > 1)
        {
            problems.Add("give one of --now (one pass for everything due by then), --until (keep running until then) or --watch (keep running until stopped)");
        }

        foreach (var (name, value) in new[] { ("--now", request.Now), ("--until", request.Until) })
        {
            if (value is not null && !TryInstant(value, out _))
            {
                problems.Add($"{name} '{value}' is not a date and time; write it as ISO 8601, such as 2026-03-01T09:00:00Z");
            }
        }

        if (request.LeaseSeconds is < 1 or > 86_400)
        {
            problems.Add($"--lease {request.LeaseSeconds.ToString(CultureInfo.InvariantCulture)} is out of range; give 1 to 86400 seconds");
        }

        if (MessageLinks.Check(request.LinksBase) is { } linkProblem)
        {
            problems.Add($"--links-base: {linkProblem}");
        }

        return problems;
    }

    /// <summary>Where the run state is: the option, else campaignc.yaml's runtime.state, else .campaignc/state.db beside campaignc.yaml (or here).</summary>
    internal static string StateLocation(string? option, ProjectConfiguration configuration, string cwd, bool create)
    {
        if (option is not null)
        {
            return PostgresLocation.Claims(option) ? option : Path.GetFullPath(option, cwd);
        }

        switch (configuration.Runtime.State)
        {
            case { Kind: "postgres" } postgres:
                return postgres.Get("connection")!;
            case { Kind: "sqlite" } sqlite:
                return sqlite.Get("path")!;
        }

        var folder = configuration.FilePath is { } yaml ? Path.GetDirectoryName(yaml)! : cwd;
        var path = Path.Combine(folder, ".campaignc", "state.db");
        if (create)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        }

        return path;
    }

    private static bool TryInstant(string text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out at);

    private static DateTimeOffset Instant(string text) => TryInstant(text, out var at) ? at : throw new FormatException(text);

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static int Usage(TextWriter stderr, IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            stderr.WriteLine($"campaignc: error: {problem}");
        }

        return ExitCodes.UsageError;
    }
}
