using System.Globalization;
using System.Text;

namespace CampaignDsl.Bench.Corpus;

/// <summary>
/// One campaign with a great many stages in a row, each waiting a day for the one before and sending one email: the
/// shape that once made checking quadratic in the number of stages. Two sizes measured in the same run show whether
/// validate and compile stay linear (twice the stages, about twice the time above start-up).
/// </summary>
internal static class LongCampaign
{
    /// <summary>Writes <c>long_N.campaign</c> and its template into <paramref name="folder"/>; returns the file's name.</summary>
    public static string Write(string folder, int stages)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "t.hbs"), "<p>Hi {{first_name}}</p><p><a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n");
        var text = new StringBuilder("campaign long_sequence \"Long\" {\n  type retention\n  audience { where subscribed }\n");
        for (var i = 0; i < stages; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"  stage s{i} after 1d {{ send email \"t.hbs\" subject \"Hi\" }}\n");
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"long_{stages}.campaign");
        File.WriteAllText(Path.Combine(folder, name), text.Append("}\n").ToString());
        return name;
    }
}
