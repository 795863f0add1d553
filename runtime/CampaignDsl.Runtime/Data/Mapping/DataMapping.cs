using System.Collections.Immutable;

namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>
/// A column mapping (campaignc.yaml <c>runtime.data.mapping</c>) split into its parts:
/// <c>contacts.*</c> and <c>events.*</c> (a field each, or <c>where</c>), <c>timestamps.zone</c>,
/// <c>timestamps.format</c> and <c>separator</c>. Nothing is checked against a file yet: that
/// happens when a file is opened (<see cref="RecordMapper"/>), since only then are its columns known.
/// </summary>
public sealed record DataMapping
{
    public const string WhereKey = "where";

    public static DataMapping None { get; } = new();

    public ImmutableArray<MappingEntry> Contacts { get; init; } = [];

    public ImmutableArray<MappingEntry> Events { get; init; } = [];

    public TimestampReader Timestamps { get; init; } = TimestampReader.Utc;

    public char Separator { get; init; } = ',';

    public bool HasContacts => !Contacts.IsEmpty;

    public bool HasEvents => !Events.IsEmpty;

    /// <summary>Splits the dotted entries; problems (an unknown key, an unknown zone) go to <paramref name="problems"/>.</summary>
    public static DataMapping Read(IEnumerable<MappingEntry> entries, ICollection<DataProblem> problems)
    {
        var contacts = ImmutableArray.CreateBuilder<MappingEntry>();
        var events = ImmutableArray.CreateBuilder<MappingEntry>();
        MappingEntry? zone = null, format = null, separator = null;
        foreach (var entry in entries)
        {
            var dot = entry.Key.IndexOf('.', StringComparison.Ordinal);
            var section = dot < 0 ? entry.Key : entry.Key[..dot];
            var field = dot < 0 ? "" : entry.Key[(dot + 1)..];
            switch (section)
            {
                case "contacts" when field.Length > 0 && !field.Contains('.', StringComparison.Ordinal):
                    contacts.Add(entry with { Key = field });
                    break;
                case "events" when field.Length > 0 && !field.Contains('.', StringComparison.Ordinal):
                    events.Add(entry with { Key = field });
                    break;
                case "timestamps" when field == "zone":
                    zone = entry;
                    break;
                case "timestamps" when field == "format":
                    format = entry;
                    break;
                case "separator" when field.Length == 0:
                    separator = entry;
                    break;
                default:
                    problems.Add(entry.Origin.Problem(
                        $"unknown mapping key `{entry.Key}`: a mapping has `contacts:` and `events:` (a field each, such as `id: CustomerID`, or `where:`), `timestamps:` (`zone`, `format`) and `separator`"));
                    break;
            }
        }

        var timeZone = TimeZoneInfo.Utc;
        if (zone is not null)
        {
            if (TimestampReader.FindZone(zone.Text.Trim()) is { } found)
            {
                timeZone = found;
            }
            else
            {
                problems.Add(zone.Origin.Problem($"`{zone.Text}` is not an IANA time zone such as Europe/London or America/New_York"));
            }
        }

        var formatText = format?.Text;
        if (format is not null && !IsUsableFormat(format.Text))
        {
            problems.Add(format.Origin.Problem($"`{format.Text}` is not a date format such as yyyy-MM-dd HH:mm:ss or dd/MM/yyyy HH:mm"));
            formatText = null;
        }

        var separatorChar = ',';
        if (separator is not null)
        {
            var text = separator.Text == "\\t" ? "\t" : separator.Text;
            if (text.Length == 1 && text[0] is not ('"' or '\r' or '\n') && text[0] < 128)
            {
                separatorChar = text[0];
            }
            else
            {
                problems.Add(separator.Origin.Problem($"`{separator.Text}` is not a separator: write one character such as \",\", \";\", \"|\" or \"\\t\""));
            }
        }

        return new DataMapping
        {
            Contacts = contacts.ToImmutable(),
            Events = events.ToImmutable(),
            Timestamps = new TimestampReader(timeZone, formatText),
            Separator = separatorChar,
        };
    }

    private static bool IsUsableFormat(string format)
    {
        if (format.Trim().Length == 0 || !format.Contains('y', StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            var sample = new DateTime(2024, 3, 9, 14, 5, 6, DateTimeKind.Unspecified).ToString(format, System.Globalization.CultureInfo.InvariantCulture);
            return DateTime.TryParseExact(sample, format, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
