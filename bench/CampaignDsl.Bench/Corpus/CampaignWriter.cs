using System.Text;

namespace CampaignDsl.Bench.Corpus;

/// <summary>Writes a <see cref="CampaignSpec"/> the way the examples are written: two-space indents, one item a line.</summary>
internal static class CampaignWriter
{
    public static string Write(CampaignSpec campaign)
    {
        var text = new StringBuilder();
        text.Append("// ").Append(campaign.Comment).Append('\n');
        text.Append("campaign ").Append(campaign.Name).Append(" \"").Append(campaign.Title).Append("\" {\n");
        foreach (var setting in campaign.Settings)
        {
            text.Append("  ").Append(setting.Key).Append(' ').Append(setting.Value).Append('\n');
        }

        if (campaign.AudienceFirst)
        {
            WriteAudience(text, campaign);
            WriteSegments(text, campaign);
        }
        else
        {
            WriteSegments(text, campaign);
            WriteAudience(text, campaign);
        }

        foreach (var stage in campaign.Stages)
        {
            WriteStage(text, stage);
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static void WriteAudience(StringBuilder text, CampaignSpec campaign)
    {
        text.Append("\n  audience {\n    where ").AppendJoin("\n      and ", campaign.AudienceTerms).Append("\n  }\n");
    }

    private static void WriteSegments(StringBuilder text, CampaignSpec campaign)
    {
        if (campaign.Segments.IsEmpty)
        {
            return;
        }

        text.Append('\n');
        foreach (var segment in campaign.Segments)
        {
            text.Append("  segment ").Append(segment.Name).Append(" = ").Append(segment.Condition).Append('\n');
        }
    }

    private static void WriteStage(StringBuilder text, StageSpec stage)
    {
        text.Append("\n  stage ").Append(stage.Name);
        if (stage.Wait is not null)
        {
            text.Append(" after ").Append(stage.Wait);
        }

        text.Append(" {\n");
        foreach (var send in stage.Sends)
        {
            text.Append("    send ").Append(send.Channel).Append(" \"").Append(send.Template).Append('"');
            if (send.Sender is null && send.Subjects.Length == 1 && send.Subjects[0].Weight is null)
            {
                text.Append(" subject \"").Append(send.Subjects[0].Text).Append("\"\n");
                continue;
            }

            if (send.Sender is null && send.Subjects.IsEmpty)
            {
                text.Append('\n');
                continue;
            }

            text.Append(" {\n");
            if (send.Sender is not null)
            {
                text.Append("      from ").Append(send.Sender).Append('\n');
            }

            foreach (var subject in send.Subjects)
            {
                text.Append("      subject \"").Append(subject.Text).Append('"');
                if (subject.Weight is not null)
                {
                    text.Append(" weight ").Append(subject.Weight);
                }

                text.Append('\n');
            }

            text.Append("    }\n");
        }

        text.Append("  }\n");
    }
}
