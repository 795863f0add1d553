using System.CommandLine;
using System.Globalization;
using Campaignc.Input;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Csv;
using CampaignDsl.Runtime.Data.Import;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Postgres;
using CampaignDsl.Runtime.Data.Sqlite;
using Spectre.Console;

namespace Campaignc.Commands;

/// <summary>
/// <c>campaignc import --from FILE... --into STORE</c>: loads contacts and events into the SQLite store,
/// from canonical CSV files or from the files and column mapping of campaignc.yaml's <c>runtime.data</c>.
/// </summary>
public static class ImportCommand
{
    private const int ProblemsShown = 20;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var from = new Option<string[]>("--from")
        {
            Description = "Canonical contacts or events CSV files, or a campaignc.yaml whose runtime.data (kind csv) names the files and their column mapping. Default: the nearest campaignc.yaml.",
            AllowMultipleArgumentsPerToken = true,
        };
        var into = new Option<string>("--into")
        {
            Description = "The store to load into: an SQLite file (created if missing) or a PostgreSQL database, postgres://user@host:port/database (password in PGPASSWORD).",
            Required = true,
        };
        var contacts = new Option<string?>("--contacts")
        {
            Description = "The contacts file to read through campaignc.yaml's runtime.data mapping, instead of the files it names (for an export kept outside the project); with --contacts or --events only the files given are read.",
        };
        var events = new Option<string?>("--events")
        {
            Description = "The events file to read through campaignc.yaml's runtime.data mapping, instead of the files it names; may be the contacts file itself.",
        };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first bad row and import nothing (exit code 1)." };
        var command = new Command("import", "Load contacts and events from CSV files into the SQLite or PostgreSQL store, accounting for every row.")
        {
            from, contacts, events, into, strict,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(from) ?? [], new MappedFiles(result.GetValue(contacts), result.GetValue(events)), result.GetValue(into)!, result.GetValue(strict),
            stdout, stderr, cancellationToken));
        return command;
    }

    /// <summary>Files given on the command line to read through campaignc.yaml's mapping; they take the place of the ones it names.</summary>
    public sealed record MappedFiles(string? Contacts, string? Events)
    {
        public static MappedFiles None { get; } = new(null, null);

        public bool Any => Contacts is not null || Events is not null;
    }

    public static Task<int> RunAsync(IReadOnlyList<string> from, string into, bool strict, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default) =>
        RunAsync(from, MappedFiles.None, into, strict, stdout, stderr, cancellationToken);

    public static async Task<int> RunAsync(
        IReadOnlyList<string> from, MappedFiles mapped, string into, bool strict, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var cwd = Directory.GetCurrentDirectory();
        ImportInput? input;
        try
        {
            input = await ResolveInputAsync(from, mapped, cwd, stderr, cancellationToken).ConfigureAwait(false);
        }
        catch (DataSourceException e)
        {
            return await DataFailureAsync(e, stderr).ConfigureAwait(false);
        }

        if (input is null)
        {
            return ExitCodes.UsageError;
        }

        if (input.Problems.Count > 0)
        {
            foreach (var problem in input.Problems)
            {
                await stderr.WriteLineAsync(problem).ConfigureAwait(false);
            }

            return ExitCodes.CampaignErrors;
        }

        var toTerminal = !Console.IsOutputRedirected && ReferenceEquals(stdout, Console.Out);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = toTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = toTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = toTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!toTerminal)
        {
            // Not a terminal: no wrapping of long paths at an assumed 80 columns.
            console.Profile.Width = 240;
        }

        var problems = new DataProblemLog();
        ImportResult result;
        (long Contacts, long Events) counts;
        try
        {
            var target = await ImportTarget.OpenAsync(into, cwd, cancellationToken).ConfigureAwait(false);
            await using var store = target.ConfigureAwait(false);
            result = toTerminal
                ? await console.Progress().AutoClear(true).StartAsync(async context =>
                {
                    var task = context.AddTask("importing", maxValue: 1);
                    var progress = new SyncProgress(p =>
                    {
                        task.Description = $"{Markup.Escape(p.DisplayPath)}: {p.Rows:N0} rows";
                        task.Value = p.BytesTotal == 0 ? 1 : (double)p.BytesRead / p.BytesTotal;
                    });
                    return await target.ImportAsync(input.Files, input.Mapping, input.Schema, problems, strict, progress, cancellationToken).ConfigureAwait(false);
                }).ConfigureAwait(false)
                : await target.ImportAsync(input.Files, input.Mapping, input.Schema, problems, strict, null, cancellationToken).ConfigureAwait(false);
            counts = result.Committed ? await target.CountAsync(cancellationToken).ConfigureAwait(false) : default;
        }
        catch (DataSourceException e)
        {
            return await DataFailureAsync(e, stderr).ConfigureAwait(false);
        }
        catch (Npgsql.NpgsqlException e)
        {
            // The server went away or refused a statement mid-import: the transaction is rolled back.
            await stderr.WriteLineAsync($"campaignc: error: the import into {ShownStore(into)} failed, nothing was imported: {PostgresContactStore.Reason(e)}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        foreach (var problem in problems.Kept.Take(ProblemsShown))
        {
            await stderr.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        }

        if (problems.Count > ProblemsShown)
        {
            await stderr.WriteLineAsync($"... and {problems.Count - ProblemsShown:N0} more bad rows (all counted below)").ConfigureAwait(false);
        }

        console.Write(Summary(result));
        foreach (var file in result.Files)
        {
            foreach (var (rule, count) in file.SkippedBy)
            {
                await stdout.WriteLineAsync($"{file.DisplayPath} ({(file.Kind == RecordKind.Contacts ? "contacts" : "events")}): {N(count)} rows skipped by `where: {rule}`").ConfigureAwait(false);
            }
        }

        if (!result.Committed)
        {
            await stderr.WriteLineAsync($"campaignc: error: --strict: stopped at the first bad row ({result.StoppedAt}); nothing was imported").ConfigureAwait(false);
            return ExitCodes.CampaignErrors;
        }

        var (contacts, events) = counts;
        var shownInto = ShownStore(into);
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Imported {result.Rows:N0} rows in {result.Elapsed.TotalSeconds:0.00} s ({result.RowsPerSecond:N0} rows/s); {shownInto} now holds {contacts:N0} contacts and {events:N0} events.")).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>A file or mapping that cannot be imported: located problems exit 1, the rest (I/O) 2.</summary>
    private static async Task<int> DataFailureAsync(DataSourceException e, TextWriter stderr)
    {
        foreach (var problem in e.Problems)
        {
            await stderr.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
        }

        await stderr.WriteLineAsync($"campaignc: error: {e.Message}").ConfigureAwait(false);
        return e.Problems.Count > 0 ? ExitCodes.CampaignErrors : ExitCodes.UsageError;
    }

    /// <summary>The store as messages show it: a PostgreSQL location without its password.</summary>
    private static string ShownStore(string into) =>
        PostgresLocation.Claims(into) && PostgresLocation.TryConnectionString(into, out var connection) ? PostgresLocation.Describe(connection) : into;

    private static Table Summary(ImportResult result)
    {
        var table = new Table().AddColumns("file", "kind", "rows", "loaded", "repeated id", "skipped", "bad");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var file in result.Files)
        {
            table.AddRow(
                Markup.Escape(file.DisplayPath), file.Kind == RecordKind.Contacts ? "contacts" : "events", N(file.Rows), N(file.Loaded), N(file.Repeated),
                N(file.Skipped), N(file.Bad));
        }

        return table;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);


    /// <summary>The files to import, the mapping and the types, or located problems in the configuration; null (reported) for a usage error.</summary>
    private sealed record ImportInput(IReadOnlyList<ImportFile> Files, DataMapping Mapping, DataSchema Schema, IReadOnlyList<string> Problems);

    private static async Task<ImportInput?> ResolveInputAsync(
        IReadOnlyList<string> from, MappedFiles mapped, string cwd, TextWriter stderr, CancellationToken cancellationToken)
    {
        var configs = from.Where(IsConfig).ToList();
        var csvs = from.Where(f => !IsConfig(f)).ToList();
        if (configs.Count > 1 || (configs.Count == 1 && csvs.Count > 0))
        {
            stderr.WriteLine("campaignc: error: give either one campaignc.yaml or canonical CSV files to --from, not both");
            return null;
        }

        if (mapped.Any && csvs.Count > 0)
        {
            stderr.WriteLine("campaignc: error: --contacts and --events read files through campaignc.yaml's mapping; give canonical CSV files to --from, or a campaignc.yaml with --contacts/--events, not both");
            return null;
        }

        if (csvs.Count > 0)
        {
            var files = new List<ImportFile>();
            foreach (var csv in csvs)
            {
                var full = Path.GetFullPath(csv, cwd);
                if (!File.Exists(full))
                {
                    stderr.WriteLine($"campaignc: error: data file '{csv}' does not exist");
                    return null;
                }

                if (await DetectKindAsync(full, csv, cancellationToken).ConfigureAwait(false) is not { } kind)
                {
                    stderr.WriteLine($"campaignc: error: '{csv}' is neither a contacts file (a header with `id`) nor an events file (a header with `contact_id`, `type` and `at`); "
                        + "map other columns in campaignc.yaml (runtime.data.mapping) and import with --from campaignc.yaml");
                    return null;
                }

                files.Add(new ImportFile(full, csv, kind));
            }

            var local = ConfigurationInput.Load(null, csvs, cwd, LintRules.Registry);
            return new ImportInput(files, DataMapping.None, DataSchema.From(local.Loaded.Configuration), []);
        }

        var config = ConfigurationInput.Load(configs.FirstOrDefault(), configs, cwd, LintRules.Registry);
        if (config.Problem is not null)
        {
            stderr.WriteLine($"campaignc: error: {config.Problem}");
            return null;
        }

        var configuration = config.Loaded.Configuration;
        if (configuration.FilePath is null)
        {
            stderr.WriteLine("campaignc: error: nothing to import: give CSV files or a campaignc.yaml with --from (no campaignc.yaml was found here or above)");
            return null;
        }

        var shown = SourceFileFinder.Display(configuration.FilePath, cwd);
        if (config.Loaded.HasErrors)
        {
            return new ImportInput([], DataMapping.None, DataSchema.Default, [.. config.Loaded.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())]);
        }

        if (configuration.Runtime.Data is not { Kind: "csv" } data)
        {
            stderr.WriteLine($"campaignc: error: '{shown}' has no runtime.data of kind csv to import from; add one (docs/runtime.md) or give CSV files with --from");
            return null;
        }

        IReadOnlyDictionary<string, MappingOrigin> origins;
        try
        {
            origins = MappingLocator.Locate(File.ReadAllText(configuration.FilePath), shown);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"campaignc: error: cannot read '{shown}': {e.Message}");
            return null;
        }

        DataMapping mapping;
        try
        {
            mapping = ContactSources.ReadMapping(data, origins, shown);
        }
        catch (DataSourceException e)
        {
            return new ImportInput([], DataMapping.None, DataSchema.Default, [.. e.Problems.Select(p => p.ToString())]);
        }

        // Files on the command line are the user's choice and take the place of the ones the configuration names.
        var list = new List<ImportFile>();
        foreach (var (kind, option, given, named) in new[]
                 {
                     (RecordKind.Contacts, "--contacts", mapped.Contacts, data.Get("contacts")),
                     (RecordKind.Events, "--events", mapped.Events, data.Get("events")),
                 })
        {
            if (given is not null)
            {
                var full = Path.GetFullPath(given, cwd);
                if (!File.Exists(full))
                {
                    stderr.WriteLine($"campaignc: error: {option} '{given}' does not exist");
                    return null;
                }

                list.Add(new ImportFile(full, Shown(full, cwd), kind));
            }
            else if (!mapped.Any && named is not null)
            {
                list.Add(new ImportFile(named, Shown(named, cwd), kind));
            }
        }

        if (list.Count == 0)
        {
            stderr.WriteLine($"campaignc: error: '{shown}' names no data file in runtime.data; give the files to read through its mapping with --contacts FILE and --events FILE");
            return null;
        }

        return new ImportInput(list, mapping, DataSchema.From(configuration), []);
    }

    // A file given from beside the project (../shared/data/...) reads better relative than absolute.
    private static string Shown(string path, string cwd) => Path.GetRelativePath(cwd, path).Replace(Path.DirectorySeparatorChar, '/');

    private static bool IsConfig(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Contacts or events, by the header of a canonical file; null when it is neither. The header is read by the CSV
    /// reader the import uses, so a header it cannot read (over the record limit, not UTF-8, a column named twice) is
    /// its located error, in bounded memory.
    /// </summary>
    private static async Task<RecordKind?> DetectKindAsync(string path, string displayPath, CancellationToken cancellationToken)
    {
        var header = (await CsvRecordReader.ReadHeaderAsync(path, displayPath, DataMapping.None.Separator, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        return header.Contains(CanonicalFields.ContactId) && header.Contains(CanonicalFields.Type) && header.Contains(CanonicalFields.At) ? RecordKind.Events
            : header.Contains(CanonicalFields.Id) ? RecordKind.Contacts
            : null;
    }

    /// <summary>Reports on the calling thread; <see cref="Progress{T}"/> would post to a thread pool and race the table.</summary>
    private sealed class SyncProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
