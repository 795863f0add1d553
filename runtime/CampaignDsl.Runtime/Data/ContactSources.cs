using System.Collections.Frozen;
using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Runtime.Data.Csv;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Postgres;
using CampaignDsl.Runtime.Data.Sqlite;

namespace CampaignDsl.Runtime.Data;

/// <summary>What opening a source needs besides its settings: the types of attributes, where problems go, the folder paths are shown from.</summary>
public sealed record DataSourceContext(DataSchema Schema, DataProblemLog Problems, string? DisplayFolder = null);

/// <summary>
/// Opens the data source campaignc.yaml's <c>runtime.data</c> names by its <c>kind</c>. The built-in
/// kinds are <c>csv</c>, <c>sqlite</c> and <c>postgres</c>; tests register <c>memory</c> sources.
/// </summary>
public sealed class ContactSources
{
    private readonly Dictionary<string, Func<AdapterSettings, DataSourceContext, CancellationToken, Task<IContactSource>>> _kinds = new(StringComparer.Ordinal)
    {
        ["csv"] = OpenCsvAsync,
        ["sqlite"] = OpenSqliteAsync,
        ["postgres"] = OpenPostgresAsync,
    };

    public static ContactSources BuiltIn => new();

    public IEnumerable<string> Kinds => _kinds.Keys.Order(StringComparer.Ordinal);

    /// <summary>Adds or replaces a kind (a test's <c>memory</c> source, a script plugin's source).</summary>
    public ContactSources With(string kind, Func<AdapterSettings, DataSourceContext, CancellationToken, Task<IContactSource>> open)
    {
        _kinds[kind] = open;
        return this;
    }

    public Task<IContactSource> OpenAsync(AdapterSettings settings, DataSourceContext context, CancellationToken cancellationToken = default)
    {
        if (_kinds.TryGetValue(settings.Kind, out var open))
        {
            return open(settings, context, cancellationToken);
        }

        throw new DataSourceException($"runtime.data kind '{settings.Kind}' is unknown; the kinds are {string.Join(", ", Kinds)}");
    }

    /// <summary>Reads campaignc.yaml's mapping; problems in it (an unknown zone, a stray key) are a <see cref="DataSourceException"/> with their locations.</summary>
    public static DataMapping ReadMapping(AdapterSettings settings, IReadOnlyDictionary<string, MappingOrigin> origins, string configPath)
    {
        var problems = new List<DataProblem>();
        var entries = settings.Mapping.Select(p => new MappingEntry(p.Key, p.Value,
            origins.TryGetValue(p.Key, out var origin) ? origin : new MappingOrigin(configPath, 0, 0)));
        var mapping = DataMapping.Read(entries, problems);
        return problems.Count == 0 ? mapping : throw new DataSourceException($"the mapping in '{configPath}' has errors", problems);
    }

    private static Task<IContactSource> OpenCsvAsync(AdapterSettings settings, DataSourceContext context, CancellationToken cancellationToken)
    {
        var contacts = settings.Get("contacts") ?? throw new DataSourceException(
            "runtime.data kind csv names no `contacts:` file: add one inside the project, or import the files with `campaignc import --from campaignc.yaml --contacts FILE [--events FILE] --into STORE` and give the store to --data");
        var mapping = ReadMapping(settings, FrozenDictionary<string, MappingOrigin>.Empty, "campaignc.yaml");
        return Task.FromResult<IContactSource>(new CsvContactSource(contacts, settings.Get("events"), mapping, context.Schema, context.Problems, context.DisplayFolder));
    }

    private static async Task<IContactSource> OpenPostgresAsync(AdapterSettings settings, DataSourceContext context, CancellationToken cancellationToken)
    {
        var connection = settings.Get("connection")
            ?? throw new DataSourceException("runtime.data kind postgres needs `connection:`, a postgres://user@host:port/database URL (password in PGPASSWORD) of a store made by `campaignc import --into`");
        var store = await PostgresContactStore.OpenAsync(connection, cancellationToken).ConfigureAwait(false);
        return new PostgresContactSource(store, ownsStore: true);
    }

    private static async Task<IContactSource> OpenSqliteAsync(AdapterSettings settings, DataSourceContext context, CancellationToken cancellationToken)
    {
        var path = settings.Get("path") ?? throw new DataSourceException("runtime.data kind sqlite needs `path:`, the store made by `campaignc import`");
        if (!File.Exists(path))
        {
            throw new DataSourceException($"the store '{path}' does not exist; create it with `campaignc import --into {path}`");
        }

        var store = await ContactStore.OpenAsync(path, cancellationToken).ConfigureAwait(false);
        return new SqliteContactSource(store, ownsStore: true);
    }
}
