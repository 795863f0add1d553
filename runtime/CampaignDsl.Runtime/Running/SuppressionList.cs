using System.Globalization;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Csv;
using CampaignDsl.Runtime.State;

namespace CampaignDsl.Runtime.Running;

/// <summary>
/// A suppression list exported from an ESP or a CRM: a CSV file with a header and at least one of the columns
/// <c>email</c>, <c>phone</c>, <c>contact_id</c>, optionally <c>reason</c> and <c>at</c> (ISO 8601; default: always).
/// Every row suppresses each address it names. A row that names nothing, or has a bad time, is an error with its
/// file and line: a suppression list is not read half.
/// </summary>
public static class SuppressionList
{
    private static readonly string[] Kinds = ["contact", "email", "phone"];

    public static async Task<IReadOnlyList<Suppression>> ReadAsync(string path, string displayPath, CancellationToken cancellationToken = default)
    {
        var problems = new List<DataProblem>();
        var suppressions = new List<Suppression>();
        CsvTable table;
        try
        {
            table = await CsvTable.OpenAsync(path, displayPath, ',', problems.Add, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataSourceException($"cannot read the suppression list '{displayPath}': {e.Message}", e);
        }

        await using (table.ConfigureAwait(false))
        {
            var columns = Kinds.Select(kind => (Kind: kind, Column: table.ColumnOf(kind == "contact" ? "contact_id" : kind)))
                .Where(c => c.Column is not null).ToList();
            if (columns.Count == 0)
            {
                throw new DataSourceException($"{displayPath}(1): error: a suppression list needs a column `email`, `phone` or `contact_id`; the header has {string.Join(", ", table.Headers)}");
            }

            var reason = table.ColumnOf("reason");
            var at = table.ColumnOf("at");
            while (await table.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var when = DateTimeOffset.UnixEpoch;
                if (at is { } atColumn && table.Field(atColumn) is { Length: > 0 } text
                    && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out when))
                {
                    problems.Add(new DataProblem(displayPath, table.Line, $"`at` '{text}' is not a date and time; write ISO 8601 such as 2026-03-01T09:00:00Z, or leave it empty"));
                    continue;
                }

                var why = reason is { } reasonColumn && table.Field(reasonColumn) is { Length: > 0 } given ? given : "on the suppression list";
                var before = suppressions.Count;
                foreach (var (kind, column) in columns)
                {
                    if (table.Field(column!.Value).Trim() is { Length: > 0 } value)
                    {
                        suppressions.Add(new Suppression(kind, value, why, displayPath, when));
                    }
                }

                if (suppressions.Count == before)
                {
                    problems.Add(new DataProblem(displayPath, table.Line, "the row names no contact_id, email or phone"));
                }
            }
        }

        return problems.Count > 0
            ? throw new DataSourceException($"the suppression list '{displayPath}' has {problems.Count} bad rows; fix them (nothing was suppressed from it)", problems)
            : suppressions;
    }
}
