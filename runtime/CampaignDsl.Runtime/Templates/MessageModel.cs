using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// The values a message template sees, exactly the variables the compiler lets templates use
/// (compiler/CampaignDsl.Compiler/Templates/TemplateVariableCatalog.cs, docs/language.md#templates):
/// the contact's attributes, <c>incentive.*</c> (only when the send carries one), <c>campaign.*</c>,
/// <c>stage.name</c>, <c>sender.*</c>, and the three links. Dates print in the contact's time zone and locale.
/// </summary>
public static class MessageModel
{
    /// <summary>The model, or problems (an unknown incentive, an unknown time zone, a bad code pattern) that make the message unsendable.</summary>
    public static IReadOnlyDictionary<string, object?> Build(MessageContext context, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        var found = new List<string>();
        var contact = context.Contact;
        var zone = ResolveZone(contact.TimeZone ?? context.Plan.Campaign.TimeZone, found);
        var model = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in contact.Attributes)
        {
            model[name] = Value(value, zone, contact.Locale);
        }

        model["id"] = contact.Id;
        model["email"] = contact.Email;
        model["phone"] = contact.Phone;
        model["first_name"] = contact.FirstName;
        model["last_name"] = contact.LastName;
        model["timezone"] = contact.TimeZone;
        model["locale"] = contact.Locale;
        model["subscribed"] = contact.Subscribed;
        model["created_at"] = contact.CreatedAt is { } created ? LocaleFormats.Format(TimeZoneInfo.ConvertTime(created, zone), contact.Locale) : null;

        var campaign = context.Plan.Campaign;
        model["campaign"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = campaign.Name, ["title"] = campaign.Title ?? campaign.Name };
        model["stage"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = context.Stage.Name };
        var (senderName, senderEmail) = SplitSender(context.Send.From ?? campaign.From);
        model["sender"] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["name"] = senderName, ["email"] = senderEmail };
        model["unsubscribe_url"] = context.Links.Unsubscribe(campaign.Name, contact.Id);
        model["preferences_url"] = context.Links.Preferences(campaign.Name, contact.Id);
        model["view_in_browser_url"] = context.Links.ViewInBrowser(campaign.Name, contact.Id, context.Send.Id);

        if (context.Send.Incentive is { } incentiveName)
        {
            var incentive = context.Plan.Incentives.FirstOrDefault(i => i.Name == incentiveName);
            if (incentive is null)
            {
                found.Add($"send {context.Send.Id} carries incentive '{incentiveName}', which the plan does not declare");
            }
            else
            {
                model["incentive"] = Incentive(incentive, context, zone, found);
            }
        }

        problems = found;
        return model;
    }

    /// <summary>An IANA zone, UTC when none is given; an unknown one is a problem and UTC.</summary>
    public static TimeZoneInfo ResolveZone(string? id, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(id))
        {
            return TimeZoneInfo.Utc;
        }

        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
        {
            return zone;
        }

        problems.Add($"time zone '{id}' is not a known IANA zone (such as Europe/Amsterdam)");
        return TimeZoneInfo.Utc;
    }

    private static Dictionary<string, object?> Incentive(PlanIncentive incentive, MessageContext context, TimeZoneInfo zone, List<string> problems)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = incentive.Name,
            ["title"] = incentive.Title ?? incentive.Name,
        };
        foreach (var property in incentive.Properties)
        {
            fields[property.Key] = property.Value is null ? true : PlanValue(property.Value);
        }

        if (incentive.CodePattern is { } pattern)
        {
            fields["code"] = IncentiveCodes.Generate(pattern, context.Plan.Campaign.Name, incentive.Name, context.Contact.Id, context.CodeSecret, out var problem);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }

        if (ExpiresAt(incentive.Expiry, context.SendTime, zone, problems) is { } expires)
        {
            fields["expires_at"] = LocaleFormats.Format(TimeZoneInfo.ConvertTime(expires, zone), context.Contact.Locale);
        }

        return fields;
    }

    /// <summary>
    /// When the code stops working: <c>after send</c> (or after a stage: the preview and a single send
    /// count from this send) plus the duration, or the absolute date at its time, else 23:59:59, in the contact's zone.
    /// </summary>
    public static DateTimeOffset? ExpiresAt(PlanExpiry? expiry, DateTimeOffset sendTime, TimeZoneInfo zone, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(problems);
        if (expiry is null)
        {
            return null;
        }

        if (expiry.Kind == PlanExpiry.Relative && expiry.AfterSeconds is { } seconds)
        {
            return sendTime.AddSeconds(seconds);
        }

        if (expiry.Kind == PlanExpiry.Absolute
            && DateOnly.TryParseExact(expiry.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            var time = expiry.At is null ? new TimeOnly(23, 59, 59)
                : TimeOnly.TryParseExact(expiry.At, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : (TimeOnly?)null;
            if (time is { } t)
            {
                var local = date.ToDateTime(t, DateTimeKind.Unspecified);
                // A time skipped by a DST change moves forward by the gap, as clocks do.
                while (zone.IsInvalidTime(local))
                {
                    local = local.AddMinutes(30);
                }

                return new DateTimeOffset(local, zone.GetUtcOffset(local));
            }
        }

        problems.Add($"expiry {expiry.Id} is neither a duration after a moment nor a date (yyyy-MM-dd) with an optional HH:mm time");
        return null;
    }

    private static object? Value(DataValue value, TimeZoneInfo zone, string? locale) => value switch
    {
        TextValue text => text.Value,
        NumberValue number => number.Value,
        BooleanValue boolean => boolean.Value,
        DateValue date => date.ToInvariantString(),
        InstantValue instant => LocaleFormats.Format(TimeZoneInfo.ConvertTime(instant.Value, zone), locale),
        _ => value.ToInvariantString(),
    };

    /// <summary>An incentive property's value as a template prints it: <c>20%</c>, <c>EUR 10.00</c>, <c>72h</c>, text as is.</summary>
    public static object? PlanValue(PlanExpression value) => value switch
    {
        PercentLiteral percent => percent.Value.ToString("0.##", CultureInfo.InvariantCulture) + "%",
        MoneyLiteral money => $"{money.Currency} {money.Amount.ToString("0.00", CultureInfo.InvariantCulture)}",
        NumberLiteral number => number.Value,
        TextLiteral text => text.Value,
        BoolLiteral boolean => boolean.Value,
        DateLiteral date => date.Value,
        TimeLiteral time => time.Value,
        DurationLiteral duration => DurationText(duration.Seconds),
        ListLiteral list => string.Join(", ", list.Items.Select(i => PlanValue(i)?.ToString())),
        _ => null,
    };

    private static string DurationText(long seconds) =>
        seconds % 604800 == 0 ? $"{seconds / 604800}w" : seconds % 86400 == 0 ? $"{seconds / 86400}d" : seconds % 3600 == 0 ? $"{seconds / 3600}h" : $"{seconds / 60}m";

    /// <summary><c>Anna from Shop &lt;anna@shop.example&gt;</c> into its display name and address.</summary>
    public static (string? Name, string? Email) SplitSender(string? from)
    {
        if (string.IsNullOrWhiteSpace(from))
        {
            return (null, null);
        }

        var open = from.LastIndexOf('<');
        var close = from.LastIndexOf('>');
        if (open >= 0 && close > open)
        {
            var name = from[..open].Trim().Trim('"').Trim();
            return (name.Length == 0 ? null : name, from[(open + 1)..close].Trim());
        }

        return (null, from.Trim());
    }
}
