using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace CampaignDsl.Runtime.Data.Postgres;

/// <summary>
/// Where a PostgreSQL database is, as campaignc writes it: a <c>postgres://user@host:port/database</c> URL or an
/// Npgsql connection string. The password comes from <c>PGPASSWORD</c> (or <c>~/.pgpass</c>), never from the URL,
/// the command line or campaignc.yaml, and is never shown: <see cref="Describe"/> prints a URL without it.
/// Shared by the contact store and the run state.
/// </summary>
public static class PostgresLocation
{
    /// <summary>Whether <paramref name="location"/> names a PostgreSQL database rather than a file.</summary>
    public static bool Claims(string location) =>
        location.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || location.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
        || location.Contains("Host=", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The Npgsql connection string for a URL (a connection string is returned as given); false when the URL holds a
    /// password, which callers refuse with their own message.
    /// </summary>
    public static bool TryConnectionString(string location, [NotNullWhen(true)] out string? connectionString)
    {
        ArgumentNullException.ThrowIfNull(location);
        if (!Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            connectionString = location;
            return true;
        }

        if (uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            connectionString = null;
            return false;
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')),
            Username = uri.UserInfo.Length == 0 ? Environment.GetEnvironmentVariable("PGUSER") : Uri.UnescapeDataString(uri.UserInfo),
        };
        if (Environment.GetEnvironmentVariable("PGPASSWORD") is { Length: > 0 } password)
        {
            builder.Password = password;
        }

        connectionString = builder.ToString();
        return true;
    }

    /// <summary>The location as a URL without a password, for messages; a connection string that does not parse is shown as "a PostgreSQL connection string".</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        }
        catch (ArgumentException)
        {
            return "a PostgreSQL connection string";
        }
    }
}
