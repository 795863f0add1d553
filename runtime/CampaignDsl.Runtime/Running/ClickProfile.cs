using System.Collections.Immutable;
using System.Globalization;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Running;

/// <summary>A profile attribute set by a click rule (<c>on click "style:*" set style = click.tag</c>).</summary>
public sealed record ProfileUpdate(string ContactId, string Attribute, DataValue Value, DateTimeOffset At, string Source);

/// <summary>
/// Applies a plan's click rules to the contact's clicks: an <c>email.click</c> (or <c>push.click</c>) event of the
/// campaign and stage, whose tag matches the rule's pattern, sets the attribute to the rule's value, where
/// <c>click.tag</c> is the tag's part after the pattern's fixed prefix and <c>click.url</c> the link. The latest click
/// wins. A run records the updates in the run state and renders later messages with them (<c>{{style}}</c>).
/// </summary>
public static class ClickProfile
{
    private static readonly string[] ClickEvents = ["email.click", "push.click"];

    public static IReadOnlyList<ProfileUpdate> Updates(ScheduledCampaign campaign, ContactHistory history, DateTimeOffset until)
    {
        var updates = new List<ProfileUpdate>();
        foreach (var stage in campaign.Plan.Stages)
        {
            foreach (var rule in RulesOf(stage.Actions))
            {
                foreach (var click in history.Events)
                {
                    if (click.At > until || Array.IndexOf(ClickEvents, click.Type) < 0 || Text(click, "campaign") != campaign.Name || Text(click, "stage") != stage.Name)
                    {
                        continue;
                    }

                    var tag = Text(click, "tag") ?? "";
                    if (rule.Pattern is { } pattern && !Matches(pattern, tag))
                    {
                        continue;
                    }

                    var at = new ContactEvent(click.ContactId, "click", click.At)
                    {
                        Properties = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [
                            new KeyValuePair<string, DataValue>("tag", DataValue.Text(TagAfterPrefix(rule.Pattern, tag))),
                            new KeyValuePair<string, DataValue>("url", DataValue.Text(Text(click, "link") ?? Text(click, "url") ?? "")),
                        ]),
                    };
                    var context = new EvaluationContext(history, click.At, campaign.ZoneOf(history.Contact), campaign.Segments, campaign.Rfm, CurrentEvent: at);
                    if (ToData(ExpressionEvaluator.Evaluate(rule.Value, context)) is { } value)
                    {
                        updates.Add(new ProfileUpdate(history.Contact.Id, rule.Attribute, value, click.At, $"{click.Type} on {campaign.Name}/{stage.Name} ({tag})"));
                    }
                }
            }
        }

        return [.. updates.OrderBy(u => u.At)];
    }

    /// <summary>The contact with the updates made by <paramref name="at"/> applied, the latest of each attribute winning.</summary>
    public static Contact Apply(Contact contact, IEnumerable<ProfileUpdate> updates, DateTimeOffset at)
    {
        var attributes = contact.Attributes;
        foreach (var update in updates.Where(u => u.At <= at).OrderBy(u => u.At))
        {
            attributes = attributes.SetItem(update.Attribute, update.Value);
        }

        return ReferenceEquals(attributes, contact.Attributes) ? contact : contact with { Attributes = attributes };
    }

    private static IEnumerable<PlanClickRule> RulesOf(PlanActions actions) =>
        actions.ClickRules.Concat(actions.Variants.SelectMany(v => RulesOf(v.Actions))).Concat(actions.Otherwise is { } otherwise ? RulesOf(otherwise.Actions) : []);

    private static string? Text(ContactEvent e, string field) => e.Properties.TryGetValue(field, out var value) ? value.ToInvariantString() : null;

    private static bool Matches(string pattern, string tag) =>
        System.Text.RegularExpressions.Regex.IsMatch(tag, "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$",
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    private static string TagAfterPrefix(string? pattern, string tag)
    {
        var prefix = pattern is null ? "" : pattern[..(pattern.IndexOf('*', StringComparison.Ordinal) is var star and >= 0 ? star : pattern.Length)];
        return tag.StartsWith(prefix, StringComparison.Ordinal) ? tag[prefix.Length..] : tag;
    }

    private static DataValue? ToData(object? value) => value switch
    {
        string text => DataValue.Text(text),
        decimal number => DataValue.Number(number),
        bool flag => DataValue.Boolean(flag),
        DateOnly date => DataValue.Date(date),
        DateTimeOffset instant => DataValue.Instant(instant),
        int number => DataValue.Number(number),
        double number => DataValue.Number((decimal)number),
        _ => value is null ? null : DataValue.Text(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };
}
