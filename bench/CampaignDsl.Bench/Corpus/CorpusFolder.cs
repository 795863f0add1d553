using System.Text;

namespace CampaignDsl.Bench.Corpus;

/// <summary>
/// A folder of generated campaign files, laid out as a team would keep them
/// (<c>campaigns/&lt;team&gt;/&lt;name&gt;.campaign</c>), and which of them hold a <see cref="Fault"/>.
/// </summary>
internal sealed record CorpusFolder(string Root, IReadOnlyList<string> Files, long Bytes, IReadOnlyDictionary<string, Fault> Faults)
{
    private static readonly string[] Teams = ["crm", "lifecycle", "retention", "growth", "loyalty", "app", "b2b", "seasonal"];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes <paramref name="count"/> campaigns to <paramref name="root"/>. With <paramref name="withFaults"/>,
    /// one file in ten (the fourth of every ten) gets a fault, the kinds taking turns.
    /// </summary>
    public static CorpusFolder Write(string root, int count, CampaignGenerator generator, bool withFaults)
    {
        var files = new List<string>(count);
        var faults = new Dictionary<string, Fault>(StringComparer.Ordinal);
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var campaign = generator.Generate(i);
            var folder = Path.Combine(root, "campaigns", Teams[i % Teams.Length]);
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, campaign.Name + ".campaign");

            var fault = withFaults && i % 10 == 3 ? Fault.All[i / 10 % Fault.All.Length] : null;
            var text = fault is null ? CampaignWriter.Write(campaign) : fault.Apply(campaign);
            var content = Utf8.GetBytes(text);
            File.WriteAllBytes(path, content);

            WriteTemplates(folder, campaign);
            files.Add(path);
            bytes += content.Length;
            if (fault is not null)
            {
                faults.Add(path, fault);
            }
        }

        return new CorpusFolder(root, files, bytes, faults);
    }

    /// <summary>
    /// The templates the campaign's sends name (and the one a fault may add), beside it, as a team
    /// keeps them: campaignc validate reads and checks them.
    /// </summary>
    private static void WriteTemplates(string folder, CampaignSpec campaign)
    {
        var paths = campaign.Stages.SelectMany(s => s.Sends).Select(s => s.Template).Append("templates/extra.hbs");
        foreach (var template in paths)
        {
            var path = Path.Combine(folder, template);
            if (File.Exists(path))
            {
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, Utf8.GetBytes(Path.GetExtension(template) switch
            {
                ".txt" => "Hi {{first_name}}, we kept something for you at shop.example. Reply STOP to opt out\n",
                ".json" => "{ \"title\": \"We kept something for you\", \"body\": \"Hi {{first_name}}, have a look.\" }\n",
                _ => "<p>Hi {{first_name}},</p>\n<p>We kept something for you.</p>\n<p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n",
            }));
        }
    }
}
