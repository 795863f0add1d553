using System.Collections.Immutable;
using System.Diagnostics;
using CampaignDsl.Runtime.Data.Csv;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Postgres;
using CampaignDsl.Runtime.Data.Sqlite;

namespace CampaignDsl.Runtime.Data.Import;

/// <summary>
/// Loads CSV files into the store (<c>campaignc import</c>): contacts files first, so that events
/// find their contacts, all in one transaction. Every row is accounted for: loaded, repeated (a
/// contact id seen before in this import), skipped by the mapping's <c>where</c>, or bad (reported
/// with file and line). With <paramref name="strict"/> the first bad row stops the import and
/// nothing is written.
/// </summary>
public static class DataImporter
{
    public static async Task<ImportResult> RunAsync(
        ContactStore store, IReadOnlyList<ImportFile> files, DataMapping mapping, DataSchema schema, DataProblemLog problems,
        bool strict = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var import = await store.BeginImportAsync(cancellationToken).ConfigureAwait(false);
        return await RunAsync(import, files, mapping, schema, problems, strict, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The same into the PostgreSQL store (binary COPY).</summary>
    public static async Task<ImportResult> RunAsync(
        PostgresContactStore store, IReadOnlyList<ImportFile> files, DataMapping mapping, DataSchema schema, DataProblemLog problems,
        bool strict = false, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        await using var import = await store.BeginImportAsync(cancellationToken).ConfigureAwait(false);
        return await RunAsync(import, files, mapping, schema, problems, strict, progress, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ImportResult> RunAsync(
        IStoreImport import, IReadOnlyList<ImportFile> files, DataMapping mapping, DataSchema schema, DataProblemLog problems,
        bool strict, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var tallies = ImmutableArray.CreateBuilder<FileTally>();
        foreach (var file in files.OrderBy(f => f.Kind))
        {
            var (tally, stoppedAt) = await ImportFileAsync(import, file, mapping, schema, problems, strict, progress, cancellationToken).ConfigureAwait(false);
            tallies.Add(tally);
            if (stoppedAt is not null)
            {
                return new ImportResult(tallies.ToImmutable(), false, stoppedAt, clock.Elapsed);
            }
        }

        await import.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new ImportResult(tallies.ToImmutable(), true, null, clock.Elapsed);
    }

    private static async Task<(FileTally Tally, DataProblem? StoppedAt)> ImportFileAsync(
        IStoreImport import, ImportFile file, DataMapping mapping, DataSchema schema, DataProblemLog problems,
        bool strict, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        long loaded = 0, repeated = 0, bad = 0;
        var skipped = new Dictionary<string, long>(StringComparer.Ordinal);
        DataProblem? firstBad = null;
        void Bad(DataProblem problem)
        {
            bad++;
            firstBad ??= problem;
            problems.Report(problem);
        }

        await import.BeginFileAsync(file.Path, file.Kind, cancellationToken).ConfigureAwait(false);
        await using var reader = await CsvRecordReader.OpenAsync(file.Path, file.DisplayPath, file.Kind, mapping, schema, Bad, cancellationToken).ConfigureAwait(false);
        long rows = 0;
        void Report()
        {
            if (progress is not null && (++rows & 0x3FFF) == 0)
            {
                progress.Report(new ImportProgress(file.DisplayPath, reader.Position, reader.Length, rows));
            }
        }

        if (file.Kind == RecordKind.Contacts)
        {
            await foreach (var outcome in reader.ReadContactsAsync(cancellationToken).ConfigureAwait(false))
            {
                Report();
                if (outcome.Value is { } contact)
                {
                    if (import.Write(contact) == StoreWrite.Stored)
                    {
                        loaded++;
                    }
                    else
                    {
                        repeated++;
                    }
                }
                else
                {
                    Count(outcome.SkippedBy, outcome.Problem);
                }

                if (strict && firstBad is not null)
                {
                    break;
                }
            }
        }
        else
        {
            await foreach (var outcome in reader.ReadEventsAsync(cancellationToken).ConfigureAwait(false))
            {
                Report();
                if (outcome.Value is { } e)
                {
                    if (import.Write(e) == StoreWrite.Stored)
                    {
                        loaded++;
                    }
                    else
                    {
                        Bad(new DataProblem(file.DisplayPath, outcome.Line,
                            $"event contact_id: no contact has the id '{e.ContactId}'; import the contacts file first, or in the same run"));
                    }
                }
                else
                {
                    Count(outcome.SkippedBy, outcome.Problem);
                }

                if (strict && firstBad is not null)
                {
                    break;
                }
            }
        }

        var tally = new FileTally(file.DisplayPath, file.Kind)
        {
            Loaded = loaded,
            Repeated = repeated,
            Bad = bad,
            SkippedBy = skipped.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Elapsed = clock.Elapsed,
            Bytes = reader.Length,
        };
        progress?.Report(new ImportProgress(file.DisplayPath, reader.Length, reader.Length, tally.Rows));
        if (strict && firstBad is not null)
        {
            return (tally, firstBad);
        }

        await import.EndFileAsync(tally.Rows, loaded, repeated, tally.Skipped, bad, cancellationToken).ConfigureAwait(false);
        return (tally, null);

        void Count(string? rule, DataProblem? problem)
        {
            if (problem is not null)
            {
                Bad(problem);
            }
            else if (rule is not null)
            {
                skipped[rule] = skipped.GetValueOrDefault(rule) + 1;
            }
        }
    }
}
