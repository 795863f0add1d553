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

            files.Add(path);
            bytes += content.Length;
            if (fault is not null)
            {
                faults.Add(path, fault);
            }
        }

        return new CorpusFolder(root, files, bytes, faults);
    }
}
