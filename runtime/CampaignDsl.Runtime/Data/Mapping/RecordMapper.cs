using System.Collections.Immutable;
using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Syntax;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>Whether a file holds contacts or events.</summary>
public enum RecordKind
{
    Contacts,
    Events,
}

/// <summary>
/// Turns the rows of one file into contacts or events: by the canonical column names, or by a
/// mapping checked against the file's header when it is opened. Each row becomes a record, a skip
/// by the mapping's <c>where</c>, or a bad row with its line and what is wrong.
/// </summary>
public sealed partial class RecordMapper
{
    private readonly ImmutableArray<FieldRule> _fields;
    private readonly CampaignDsl.Compiler.Ast.Expression? _where;
    private readonly RowEvaluator _evaluator;
    private readonly TimestampReader _timestamps;
    private readonly DataSchema _schema;
    private readonly string _path;

    private RecordMapper(RecordKind kind, ImmutableArray<FieldRule> fields, CampaignDsl.Compiler.Ast.Expression? where, string? whereText, string path, TimestampReader timestamps, DataSchema schema)
    {
        Kind = kind;
        _fields = fields;
        _where = where;
        WhereText = whereText;
        _path = path;
        _timestamps = timestamps;
        _schema = schema;
        _evaluator = new RowEvaluator(timestamps);
    }

    public RecordKind Kind { get; }

    /// <summary>The mapping's row filter as written, or null: rows it rejects are counted as skipped by it.</summary>
    public string? WhereText { get; }

    /// <summary>The fields this mapper fills, in order, for the import summary.</summary>
    public IEnumerable<string> Targets => _fields.Select(f => f.Target);

    /// <summary>
    /// A mapper for a file with <paramref name="headers"/>: by <paramref name="entries"/>, or by the
    /// canonical column names when there are none. Null, with the reasons in <paramref name="problems"/>,
    /// when the mapping does not fit the file.
    /// </summary>
    public static RecordMapper? Create(
        RecordKind kind, ImmutableArray<MappingEntry> entries, IReadOnlyList<string> headers, string displayPath,
        TimestampReader timestamps, DataSchema schema, ICollection<DataProblem> problems)
    {
        var required = kind == RecordKind.Contacts
            ? new[] { CanonicalFields.Id }
            : [CanonicalFields.ContactId, CanonicalFields.Type, CanonicalFields.At];
        var columns = new HashSet<string>(headers, StringComparer.Ordinal);
        if (entries.IsDefaultOrEmpty)
        {
            var missing = required.Where(r => !columns.Contains(r)).ToList();
            if (missing.Count > 0)
            {
                problems.Add(new DataProblem(displayPath, 1,
                    $"the header has no {string.Join(", ", missing.Select(m => $"`{m}`"))} column: a {(kind == RecordKind.Contacts ? "contacts" : "events")} file names its columns "
                    + $"{string.Join(", ", required)} (docs/runtime.md), or campaignc.yaml maps its own columns to them (runtime.data.mapping)"));
                return null;
            }

            var canonical = headers.Select((h, i) => (h, i)).Where(p => p.h.Length > 0)
                .GroupBy(p => p.h, StringComparer.Ordinal).Select(g => g.First())
                .Select(p => new FieldRule(p.h, new ColumnSource(p.i, p.h)));
            return new RecordMapper(kind, [.. canonical], null, null, displayPath, timestamps, schema);
        }

        var fields = ImmutableArray.CreateBuilder<FieldRule>();
        CampaignDsl.Compiler.Ast.Expression? where = null;
        string? whereText = null;
        var ok = true;
        foreach (var entry in entries)
        {
            if (Source(kind, entry, headers, columns, problems) is not { } source)
            {
                ok = false;
            }
            else if (entry.Key == DataMapping.WhereKey)
            {
                if (source is ExpressionSource expression)
                {
                    where = expression.Expression;
                    whereText = expression.Text.Trim();
                }
                else
                {
                    problems.Add(entry.Origin.Problem($"`where` keeps the rows for which a condition holds, such as `where: CustomerID != \"\"`; `{entry.Text}` is no condition"));
                    ok = false;
                }
            }
            else
            {
                fields.Add(new FieldRule(entry.Key, source));
            }
        }

        var section = kind == RecordKind.Contacts ? "contacts" : "events";
        foreach (var missing in required.Where(r => !fields.Any(f => f.Target == r)))
        {
            var example = missing switch
            {
                CanonicalFields.Id or CanonicalFields.ContactId => $"{missing}: CustomerID",
                CanonicalFields.Type => "type: purchase",
                _ => "at: InvoiceDate",
            };
            problems.Add(entries[0].Origin.Problem($"the {section} mapping has no `{missing}`: every {section[..^1]} needs one; add a line such as `{example}`"));
            ok = false;
        }

        return ok ? new RecordMapper(kind, fields.ToImmutable(), where, whereText, displayPath, timestamps, schema) : null;
    }

    /// <summary>Maps a contacts row.</summary>
    public RowOutcome<Contact> MapContact(IRow row, int line)
    {
        _evaluator.Row = row;
        string? target = null;
        try
        {
            if (_where is not null && !RowEvaluator.Truth(_evaluator.Evaluate(_where), _where))
            {
                return RowOutcome.Skipped<Contact>(line, WhereText!);
            }

            string? id = null, email = null, phone = null, first = null, last = null, zone = null, locale = null;
            var subscribed = false;
            DateTimeOffset? created = null;
            var attributes = DataValues.None.ToBuilder();
            foreach (var field in _fields)
            {
                target = field.Target;
                var value = Evaluate(field, row);
                switch (field.Target)
                {
                    case CanonicalFields.Id:
                        id = RequiredId(value, field);
                        break;
                    case CanonicalFields.Email:
                        email = OptionalText(value);
                        break;
                    case CanonicalFields.Phone:
                        phone = OptionalText(value);
                        break;
                    case CanonicalFields.FirstName:
                        first = OptionalText(value);
                        break;
                    case CanonicalFields.LastName:
                        last = OptionalText(value);
                        break;
                    case CanonicalFields.TimeZone:
                        zone = OptionalText(value);
                        if (zone is not null && TimestampReader.FindZone(zone) is null)
                        {
                            throw new RowValueException($"'{zone}' is not an IANA time zone such as Europe/Amsterdam");
                        }

                        break;
                    case CanonicalFields.Locale:
                        locale = OptionalText(value);
                        break;
                    case CanonicalFields.Subscribed:
                        subscribed = OptionalText(value) is not null && RowEvaluator.Truth(value, Origin(field));
                        break;
                    case CanonicalFields.CreatedAt:
                        created = OptionalInstant(value, field);
                        break;
                    default:
                        if (Typed(value, _schema.AttributeKind(field.Target), field) is { } attribute)
                        {
                            attributes[field.Target] = attribute;
                        }

                        break;
                }
            }

            return RowOutcome.Loaded<Contact>(line, new Contact(id!, email, phone, first, last, zone, locale, subscribed, created) { Attributes = attributes.ToImmutable() });
        }
        catch (RowValueException e)
        {
            return RowOutcome.Bad<Contact>(Problem(line, target, e.Message));
        }
    }

    /// <summary>Maps an events row.</summary>
    public RowOutcome<ContactEvent> MapEvent(IRow row, int line)
    {
        _evaluator.Row = row;
        string? target = null;
        try
        {
            if (_where is not null && !RowEvaluator.Truth(_evaluator.Evaluate(_where), _where))
            {
                return RowOutcome.Skipped<ContactEvent>(line, WhereText!);
            }

            string? contact = null, type = null;
            DateTimeOffset? at = null;
            decimal? amount = null;
            List<(FieldRule Field, DataValue Value)>? properties = null;
            foreach (var field in _fields)
            {
                target = field.Target;
                var value = Evaluate(field, row);
                switch (field.Target)
                {
                    case CanonicalFields.ContactId:
                        contact = RequiredId(value, field);
                        break;
                    case CanonicalFields.Type:
                        type = OptionalText(value) ?? throw new RowValueException($"{Describe(field)} is empty: every event has a type, such as purchase");
                        break;
                    case CanonicalFields.At:
                        at = OptionalInstant(value, field) ?? throw new RowValueException($"{Describe(field)} is empty: every event has a time");
                        break;
                    case CanonicalFields.Amount:
                        amount = OptionalText(value) is null ? null : RowEvaluator.Number(value, Origin(field));
                        break;
                    default:
                        (properties ??= []).Add((field, value));
                        break;
                }
            }

            var typed = DataValues.None;
            if (properties is not null)
            {
                var builder = typed.ToBuilder();
                foreach (var (field, value) in properties)
                {
                    target = field.Target;
                    if (Typed(value, _schema.EventFieldKind(type!, field.Target), field) is { } property)
                    {
                        builder[field.Target] = property;
                    }
                }

                typed = builder.ToImmutable();
            }

            return RowOutcome.Loaded<ContactEvent>(line, new ContactEvent(contact!, type!, at!.Value, amount) { Properties = typed });
        }
        catch (RowValueException e)
        {
            return RowOutcome.Bad<ContactEvent>(Problem(line, target, e.Message));
        }
    }

    private static FieldSource? Source(RecordKind kind, MappingEntry entry, IReadOnlyList<string> headers, HashSet<string> columns, ICollection<DataProblem> problems)
    {
        var text = entry.Text.Trim();
        if (entry.Key != DataMapping.WhereKey && columns.Contains(text))
        {
            return new ColumnSource(IndexOf(headers, text), text);
        }

        // `type: purchase` names the event type, as campaigns do (`on purchase`), unless a column has that name.
        if (kind == RecordKind.Events && entry.Key == CanonicalFields.Type && EventTypeName().IsMatch(text))
        {
            return new ConstantSource(DataValue.Text(text));
        }

        var (expression, diagnostics) = SyntaxTree.ParseExpression(new SourceText(entry.Origin.Path, text));
        var offset = entry.Text.Length - entry.Text.TrimStart().Length;
        if (expression is null)
        {
            foreach (var diagnostic in diagnostics.Where(d => d.IsError))
            {
                problems.Add(entry.Origin.Problem($"in `{entry.Key}: {text}`: {diagnostic.Message} ({diagnostic.Code})", offset + diagnostic.Location.Span.Start));
            }

            return null;
        }

        var found = MappingCheck.Run(expression, columns);
        foreach (var (at, message) in found)
        {
            problems.Add(entry.Origin.Problem($"in `{entry.Key}: {text}`: {message}", offset + at));
        }

        return found.Count > 0 ? null : new ExpressionSource(expression, text);
    }

    private static int IndexOf(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private DataValue Evaluate(FieldRule field, IRow row) => field.Source switch
    {
        ColumnSource column => new TextValue(row.Field(column.Column)),
        ExpressionSource expression => _evaluator.Evaluate(expression.Expression),
        ConstantSource constant => constant.Value,
        _ => throw new InvalidOperationException("unknown field source"),
    };

    private static string RequiredId(DataValue value, FieldRule field)
    {
        var id = ContactIds.Normalize(RowEvaluator.TextOf(value));
        return id.Length > 0 ? id : throw new RowValueException($"{Describe(field)} is empty: every row needs a contact id");
    }

    private static string? OptionalText(DataValue value)
    {
        var text = RowEvaluator.TextOf(value);
        return text.Trim().Length == 0 ? null : text.Trim();
    }

    private DateTimeOffset? OptionalInstant(DataValue value, FieldRule field)
    {
        switch (value)
        {
            case InstantValue instant:
                return instant.Value;
            case DateValue date:
                return _timestamps.StartOf(date.Value);
        }

        var text = RowEvaluator.TextOf(value);
        if (text.Trim().Length == 0)
        {
            return null;
        }

        return _timestamps.Read(text) ?? throw new RowValueException($"{Describe(field)} is '{text}', not {_timestamps.Describe()}");
    }

    private DataValue? Typed(DataValue value, DataValueKind? declared, FieldRule field)
    {
        if (value is TextValue { Value: var text } && text.Trim().Length == 0)
        {
            return null;
        }

        return declared switch
        {
            null => value is TextValue t ? new TextValue(t.Value.Trim()) : value,
            DataValueKind.Text => new TextValue(RowEvaluator.TextOf(value).Trim()),
            DataValueKind.Number => new NumberValue(RowEvaluator.Number(value, Origin(field))),
            DataValueKind.Boolean => DataValue.Boolean(RowEvaluator.Truth(value, Origin(field))),
            DataValueKind.Date => value is DateValue ? value
                : DateOnly.TryParseExact(RowEvaluator.TextOf(value).Trim(), "yyyy-MM-dd", out var date) ? new DateValue(date)
                : throw new RowValueException($"{Describe(field)} is '{RowEvaluator.TextOf(value)}', not a date such as 2024-03-01 (write date({Describe(field).Trim('`')}, \"dd/MM/yyyy\") for another format)"),
            _ => OptionalInstant(value, field) is { } instant ? DataValue.Instant(instant) : null,
        };
    }

    private static CampaignDsl.Compiler.Ast.NameReference? Origin(FieldRule field) =>
        field.Source is ExpressionSource { Expression: CampaignDsl.Compiler.Ast.NameReference name } ? name : null;

    private static string Describe(FieldRule field) => field.Source switch
    {
        ColumnSource column => $"`{column.Header}`",
        ExpressionSource expression => $"`{expression.Text}`",
        _ => $"`{field.Target}`",
    };

    private DataProblem Problem(int line, string? target, string message)
    {
        var section = Kind == RecordKind.Contacts ? "contact" : "event";
        return new DataProblem(_path, line, target is null ? message : $"{section} {target}: {message}");
    }

    [GeneratedRegex(@"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$")]
    private static partial Regex EventTypeName();
}
