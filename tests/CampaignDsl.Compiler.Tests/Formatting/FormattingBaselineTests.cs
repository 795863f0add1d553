using CampaignDsl.Compiler.Formatting;
using CampaignDsl.Compiler.Tests.Infrastructure;

namespace CampaignDsl.Compiler.Tests.Formatting;

/// <summary>
/// Formats each case under Baselines/Formatting/ and compares the bytes with its formatted.campaign; the formatted
/// file must itself be formatted already. Run with UPDATE_BASELINES=1 to rewrite the expected files.
/// </summary>
public sealed class FormattingBaselineTests
{
    public static TheoryData<string> Cases
    {
        get
        {
            var cases = BaselineCase.DiscoverAll().Where(c => c.ExpectsFormatted).ToList();
            if (cases.Count == 0)
            {
                throw new InvalidOperationException($"no formatting cases found under {BaselineCase.Root}/Formatting");
            }

            return [.. cases.Select(c => c.Id)];
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Formatted_output_matches_the_baseline(string caseId)
    {
        var baseline = BaselineCase.FromId(caseId);
        Assert.True(File.Exists(baseline.FormattingInputPath), $"{caseId} has no {BaselineCase.FormattingInputFile}");

        var result = CampaignFormatter.FormatFile(BaselineCase.FormattingInputFile, File.ReadAllBytes(baseline.FormattingInputPath));

        Assert.True(result.Bytes is not null, $"{caseId} was not formatted: {result.Bug}{string.Join('\n', result.Diagnostics)}");
        BaselineFile.AssertMatchesExactly(baseline.ExpectedFormattedPath, baseline.ActualFormattedPath, result.Bytes);
        var again = CampaignFormatter.FormatFile(BaselineCase.ExpectedFormattedFile, result.Bytes);
        Assert.False(again.Changed, $"{caseId}: formatting the formatted output changes it again");
    }
}
