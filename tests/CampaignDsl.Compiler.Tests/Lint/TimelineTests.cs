using System.Text;
using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Compiler.Syntax;

namespace CampaignDsl.Compiler.Tests.Lint;

/// <summary>The timing model the timing rules share: gaps between anchored stages, and minutes of the day.</summary>
public sealed class TimelineTests
{
    [Fact]
    public void Gaps_between_stages_anchored_elsewhere_cancel_the_shared_waits()
    {
        var stages = Stages("""
            campaign c "C" {
              stage a { }
              stage b after 3d..4d { }
              stage c after 5d..7d from a { }
              stage d after 2d from entry { }
            }
            """);
        var timeline = new SequenceTimeline(stages);

        Assert.Equal((TimeSpan.FromDays(1), TimeSpan.FromDays(4)), timeline.Between(stages[1], stages[2]));
        Assert.Equal((TimeSpan.FromDays(5), TimeSpan.FromDays(7)), timeline.Between(stages[0], stages[2]));
        Assert.Equal((TimeSpan.FromDays(-5), TimeSpan.FromDays(-3)), timeline.Between(stages[2], stages[3]));
        Assert.Equal((TimeSpan.FromDays(5), TimeSpan.FromDays(7)), timeline.FromEntry(stages[2]));
        Assert.Same(stages[0], timeline.AnchorOf(stages[2]));
        Assert.Null(timeline.AnchorOf(stages[3]));
    }

    [Fact]
    public void Minutes_shift_past_midnight()
    {
        var evening = DayMinutes.Range(19 * 60, 20 * 60);
        var shifted = evening.Shift(TimeSpan.FromHours(4), TimeSpan.FromHours(5));

        Assert.Equal("23:00-01:01", shifted.ToString());
        Assert.True(DayMinutes.At(9 * 60).Shift(TimeSpan.FromHours(1), TimeSpan.FromHours(30)).IsAll);
        Assert.Equal("21:00-08:00", DayMinutes.Window(new TimeOnly(21, 0), new TimeOnly(8, 0)).ToString());
        Assert.Equal("09:00", DayMinutes.Window(new TimeOnly(9, 0), new TimeOnly(20, 0)).Openings().ToString());
    }

    private static IReadOnlyList<Ast.StageDecl> Stages(string source)
    {
        var tree = SyntaxTree.Load("t.campaign", Encoding.UTF8.GetBytes(source));
        return [.. tree.Root!.Campaigns.Single().Stages];
    }
}
