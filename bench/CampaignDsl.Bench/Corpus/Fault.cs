using System.Collections.Immutable;

namespace CampaignDsl.Bench.Corpus;

/// <summary>
/// A typical mistake put into an otherwise valid campaign, with the code it is expected to give
/// (docs/diagnostics.md). Syntax mistakes make the parser fall back from its fast path, so the
/// error corpus measures that path too.
/// </summary>
internal sealed record Fault(string Name, string ExpectedCode, Func<CampaignSpec, CampaignSpec> ChangeSpec, Func<string, string> ChangeText)
{
    public static readonly ImmutableArray<Fault> All =
    [
        Spec("wait spelled out (`after five`)", "CDSL0009", c => WithStage(c, 1, s => s with { Wait = "five" })),
        Spec("channel typo (`send emial`)", "CDSL0024", c => WithSend(c, s => s.Channel == "email", s => s with { Channel = "emial" })),
        Spec("days compared with a duration (`> 90d`)", "CDSL0018", c => c with { AudienceTerms = c.AudienceTerms.Add("days_since(last purchase) > 90d") }),
        Text("closing brace missing", "CDSL0009", t => t.TrimEnd()[..^1]),
        Spec("A/B weights add up to 90", "CDSL0034", c => WithSend(c, s => s.Channel == "email",
            s => s with { Subjects = [new SubjectSpec("Where have you been?", "50"), new SubjectSpec("Is this goodbye?", "40")] })),
        Spec("window ends before it starts (`7d..5d`)", "CDSL0020", c => WithStage(c, 1, s => s with { Wait = "7d..5d" })),
        Spec("misspelled attribute (`subscibed`)", "CDSL0014", c => c with { AudienceTerms = c.AudienceTerms.Add("subscibed") }),
        Spec("duplicate stage name", "CDSL0012", c => WithStage(c, 1, s => s with { Name = c.Stages[0].Name })),
        Spec("quoted type (`type \"winback\"`)", "CDSL0022", c => c with
        {
            Settings = [.. c.Settings.Select(s => s.Key == "type" ? s with { Value = $"\"{s.Value}\"" } : s)],
        }),
        Spec("email without a subject", "CDSL0029", c => WithSend(c, s => s.Channel == "email", s => s with { Subjects = [] })),
        Text("semicolon after a setting", "CDSL0005", t => t.Insert(t.IndexOf('\n', t.IndexOf("  type ", StringComparison.Ordinal)), ";")),
        Spec("unknown function (`day_since`)", "CDSL0015", c => c with { AudienceTerms = c.AudienceTerms.Add("day_since(last login) > 30") }),
        Text("subject without its closing quote", "CDSL0006", DropClosingQuoteOfFirstSubject),
    ];

    public string Apply(CampaignSpec campaign) => ChangeText(CampaignWriter.Write(ChangeSpec(campaign)));

    private static Fault Spec(string name, string code, Func<CampaignSpec, CampaignSpec> change) => new(name, code, change, t => t);

    private static Fault Text(string name, string code, Func<string, string> change) => new(name, code, c => c, change);

    private static CampaignSpec WithStage(CampaignSpec campaign, int index, Func<StageSpec, StageSpec> change) =>
        campaign with { Stages = campaign.Stages.SetItem(index, change(campaign.Stages[index])) };

    /// <summary>Changes the first send that fits; when none does, the campaign gets a stage with one that does.</summary>
    private static CampaignSpec WithSend(CampaignSpec campaign, Func<SendSpec, bool> fits, Func<SendSpec, SendSpec> change)
    {
        for (var i = 0; i < campaign.Stages.Length; i++)
        {
            var stage = campaign.Stages[i];
            for (var j = 0; j < stage.Sends.Length; j++)
            {
                if (fits(stage.Sends[j]))
                {
                    return campaign with { Stages = campaign.Stages.SetItem(i, stage with { Sends = stage.Sends.SetItem(j, change(stage.Sends[j])) }) };
                }
            }
        }

        var extra = new SendSpec("email", "templates/extra.hbs", null, [new SubjectSpec("One more thing", null)]);
        return campaign with { Stages = campaign.Stages.Add(new StageSpec("extra", "3d", [change(extra)])) };
    }

    private static string DropClosingQuoteOfFirstSubject(string text)
    {
        var at = text.IndexOf("subject \"", StringComparison.Ordinal) + "subject \"".Length;
        while (text[at] != '"')
        {
            at += text[at] == '\\' ? 2 : 1;
        }

        return text.Remove(at, 1);
    }
}
