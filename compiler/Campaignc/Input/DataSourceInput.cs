using System.Collections.Immutable;
using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Csv;
using CampaignDsl.Runtime.Data.Mapping;

namespace Campaignc.Input;

/// <summary>
/// Opens the contact data a command reads from its <c>--data</c> values: a campaignc.yaml (its
/// <c>runtime.data</c>), a SQLite store, or canonical CSV files (a contacts file and optionally an
/// events file, told apart by their headers). No values: the project's campaignc.yaml. Problems are
/// written to stderr and give null.
/// </summary>
internal static class DataSourceInput
{
    public static Task<IContactSource?> OpenAsync(
        IReadOnlyList<string> data, ConfigurationInput.Result config, string cwd, DataProblemLog problems, TextWriter stderr, CancellationToken cancellationToken) =>
        OpenAsync(data, config, cwd, problems, stderr, null, cancellationToken);

    /// <summary>As above, with the data source kinds plugin scripts add (campaignc.yaml <c>plugins:</c>).</summary>
    public static async Task<IContactSource?> OpenAsync(
        IReadOnlyList<string> data, ConfigurationInput.Result config, string cwd, DataProblemLog problems, TextWriter stderr,
        CampaignDsl.Plugins.PluginRegistrations? plugins, CancellationToken cancellationToken)
    {
        // The kinds plugin scripts add (campaignc.yaml `plugins:`) join the built-in ones.
        var sources = plugins is null ? ContactSources.BuiltIn : plugins.AddTo(ContactSources.BuiltIn);
        var schema = DataSchema.From(config.Loaded.Configuration);
        if (data is [] || (data is [var first] && (first.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || first.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))))
        {
            var single = data is [var named] ? named : "campaignc.yaml";
            var loaded = data is [] ? config : ConfigurationInput.Load(single, [], cwd, LintRules.Registry);
            if (loaded.Problem is not null || loaded.Loaded.HasErrors)
            {
                // The errors themselves, located: a data path refused (CDSL0150) says which key and why.
                foreach (var error in loaded.Problem is null ? loaded.Loaded.Diagnostics.Where(d => d.IsError) : [])
                {
                    await stderr.WriteLineAsync(error.ToString()).ConfigureAwait(false);
                }

                await stderr.WriteLineAsync($"campaignc: error: {loaded.Problem ?? $"'{single}' has errors; run `campaignc validate --config {single}`"}").ConfigureAwait(false);
                return null;
            }

            if (loaded.Loaded.Configuration.Runtime.Data is not { } settings)
            {
                await stderr.WriteLineAsync($"campaignc: error: '{single}' has no runtime.data; add one (docs/runtime.md) or give --data a SQLite store or CSV files").ConfigureAwait(false);
                return null;
            }

            var folder = loaded.Loaded.Configuration.FilePath is { } yaml ? Path.GetDirectoryName(yaml) : cwd;
            var context = new DataSourceContext(DataSchema.From(loaded.Loaded.Configuration), problems, folder);
            return await sources.OpenAsync(settings, context, cancellationToken).ConfigureAwait(false);
        }

        if (data is [var store] && (store.EndsWith(".db", StringComparison.OrdinalIgnoreCase) || store.EndsWith(".sqlite", StringComparison.OrdinalIgnoreCase)))
        {
            // Opening a missing store would create an empty one and simulate nobody.
            if (!File.Exists(Path.GetFullPath(store, cwd)))
            {
                await stderr.WriteLineAsync($"campaignc: error: --data '{store}' does not exist").ConfigureAwait(false);
                return null;
            }

            var settings = new AdapterSettings("sqlite", ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal).Add("path", Path.GetFullPath(store, cwd)));
            return await sources.OpenAsync(settings, new DataSourceContext(schema, problems, cwd), cancellationToken).ConfigureAwait(false);
        }

        string? contacts = null, events = null;
        foreach (var file in data)
        {
            var full = Path.GetFullPath(file, cwd);
            if (!File.Exists(full))
            {
                await stderr.WriteLineAsync($"campaignc: error: --data '{file}' does not exist").ConfigureAwait(false);
                return null;
            }

            switch (await CsvKindAsync(full, file, cancellationToken).ConfigureAwait(false))
            {
                case "contacts" when contacts is null:
                    contacts = full;
                    break;
                case "events" when events is null:
                    events = full;
                    break;
                default:
                    await stderr.WriteLineAsync($"campaignc: error: --data '{file}' is not a campaignc.yaml, a SQLite store (.db), or a canonical CSV file (a contacts header with `id`, an events header with `contact_id`, `type` and `at`), "
                        + "or it is a second file of the same kind").ConfigureAwait(false);
                    return null;
            }
        }

        if (contacts is null)
        {
            await stderr.WriteLineAsync("campaignc: error: --data names no contacts file (a CSV whose header has `id`)").ConfigureAwait(false);
            return null;
        }

        return new CsvContactSource(contacts, events, DataMapping.None, schema, problems, cwd);
    }

    /// <summary>
    /// "contacts" or "events" by a canonical file's header, read by the CSV reader that reads the file later (bounded,
    /// checked: a header it cannot use is its located <see cref="DataSourceException"/>); null for anything else.
    /// </summary>
    private static async Task<string?> CsvKindAsync(string path, string displayPath, CancellationToken cancellationToken)
    {
        if (!path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var header = (await CsvRecordReader.ReadHeaderAsync(path, displayPath, DataMapping.None.Separator, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        return header.Contains(CanonicalFields.ContactId) && header.Contains(CanonicalFields.Type) && header.Contains(CanonicalFields.At) ? "events"
            : header.Contains(CanonicalFields.Id) ? "contacts"
            : null;
    }
}
