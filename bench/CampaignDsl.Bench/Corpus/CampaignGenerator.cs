using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignDsl.Bench.Corpus;

/// <summary>
/// Makes valid, varied campaigns from <see cref="CampaignVocabulary"/>: type, settings, an audience of
/// one to five conditions, up to three segments and two to six stages with waits, A/B subject lines,
/// sender overrides and second channels. The same seed and index always give the same campaign.
/// </summary>
internal sealed partial class CampaignGenerator(int seed)
{
    public CampaignSpec Generate(int index)
    {
        // Not HashCode.Combine: it is randomised per process, and the corpus must be the same in every run.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var (type, stagePool, titles) = Pick(random, CampaignVocabulary.Types);
        var sender = Pick(random, CampaignVocabulary.Senders);
        var name = $"{type}_{Pick(random, stagePool)}_{index:D5}";

        var segments = Shuffled(random, CampaignVocabulary.Segments).Take(random.Next(0, 4))
            .Select(s => new SegmentSpec(s.Name, FillNumbers(random, s.Condition)))
            .ToImmutableArray();

        var terms = new List<string>();
        if (random.Next(10) < 8)
        {
            terms.Add("subscribed");
        }

        terms.AddRange(Shuffled(random, CampaignVocabulary.Conditions).Take(random.Next(1, 4)).Select(c => FillNumbers(random, c)));
        terms.AddRange(segments.Where(_ => random.Next(2) == 0).Select(s => s.Name));

        var stageCount = random.Next(2, 7);
        var stages = ImmutableArray.CreateBuilder<StageSpec>(stageCount);
        for (var i = 0; i < stageCount; i++)
        {
            stages.Add(new StageSpec(stagePool[i], Wait(random, i, stagePool), Sends(random, stagePool[i], sender)));
        }

        return new CampaignSpec(
            name,
            $"{Pick(random, titles)} #{index}",
            Pick(random, CampaignVocabulary.Comments),
            Settings(random, type, sender),
            [.. terms],
            random.Next(4) != 0,
            segments,
            stages.MoveToImmutable());
    }

    private static ImmutableArray<SettingSpec> Settings(Random random, string type, (string Brand, string Domain, string Person) sender)
    {
        var optional = new List<SettingSpec>();
        if (random.Next(10) < 9)
        {
            optional.Add(new("owner", $"\"crm@{sender.Domain}\""));
        }

        if (random.Next(10) < 3)
        {
            optional.Add(new("description", $"\"{sender.Brand}: {type} flow, reviewed quarterly\""));
        }

        if (random.Next(20) < 17)
        {
            optional.Add(new("from", $"\"{sender.Person} from {sender.Brand} <{sender.Person.ToLowerInvariant()}@{sender.Domain}>\""));
        }

        if (random.Next(10) < 4)
        {
            optional.Add(new("reply_to", $"\"service@{sender.Domain}\""));
        }

        if (random.Next(10) < 7)
        {
            optional.Add(new("timezone", $"\"{Pick(random, CampaignVocabulary.TimeZones)}\""));
        }

        if (random.Next(10) < 6)
        {
            var tags = Shuffled(random, CampaignVocabulary.Tags).Take(random.Next(0, 4)).Prepend(type).Select(t => $"\"{t}\"");
            optional.Add(new("tags", $"[{string.Join(", ", tags)}]"));
        }

        // The type comes first, as in every example; the rest in varying order.
        return [new SettingSpec("type", type), .. random.Next(3) == 0 ? Shuffled(random, optional) : optional];
    }

    private static string? Wait(Random random, int position, string[] stagePool)
    {
        if (position == 0)
        {
            return random.Next(10) < 8 ? null : $"{Pick(random, ["1d", "12h", "2d"])} from entry";
        }

        var wait = Pick(random, CampaignVocabulary.Waits);
        return random.Next(10) switch
        {
            0 => $"{wait} from {stagePool[random.Next(position)]}",
            1 => $"{random.Next(3, 6)}w from entry",
            _ => wait,
        };
    }

    private static ImmutableArray<SendSpec> Sends(Random random, string stage, (string Brand, string Domain, string Person) sender)
    {
        var sends = ImmutableArray.CreateBuilder<SendSpec>();
        if (random.Next(10) < 9)
        {
            var senderOverride = random.Next(10) == 0 ? $"\"{sender.Brand} <hello@{sender.Domain}>\"" : null;
            sends.Add(new SendSpec("email", $"templates/{stage}.hbs", senderOverride, Subjects(random)));
        }

        if (sends.Count == 0 || random.Next(5) == 0)
        {
            var (channel, extension) = Pick(random, [("sms", "txt"), ("push", "json"), ("webhook", "json")]);
            sends.Add(new SendSpec(channel, $"templates/{stage}.{extension}", null, []));
        }

        return sends.ToImmutable();
    }

    private static ImmutableArray<SubjectSpec> Subjects(Random random)
    {
        string[][] splits = [["50", "50"], ["60", "40"], ["40", "30", "30"], ["33.3", "33.3", "33.4"], ["70", "30"]];
        if (random.Next(10) < 7)
        {
            return [new SubjectSpec(Pick(random, CampaignVocabulary.Subjects), null)];
        }

        var weights = Pick(random, splits);
        return [.. Shuffled(random, CampaignVocabulary.Subjects).Take(weights.Length).Zip(weights, (s, w) => new SubjectSpec(s, w))];
    }

    private static string FillNumbers(Random random, string template) =>
        NumberSlot().Replace(template, m => random.Next(
            int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture));

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static List<T> Shuffled<T>(Random random, IEnumerable<T> items)
    {
        var list = items.ToList();
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }

    [GeneratedRegex(@"\{n:(\d+):(\d+)\}")]
    private static partial Regex NumberSlot();
}
