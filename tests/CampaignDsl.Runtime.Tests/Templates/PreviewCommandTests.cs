using Campaignc;
using Campaignc.Commands;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Templates;

/// <summary><c>campaignc preview</c> on the bundled re-engagement example and examples/data: rendering, did-you-mean, exit codes.</summary>
public sealed class PreviewCommandTests
{
    private static readonly string Campaign = RepositoryPaths.InRepo("examples", "reengagement", "we_miss_you.campaign");
    private static readonly string Contacts = RepositoryPaths.InRepo("examples", "data", "contacts.csv");

    [Fact]
    public async Task Renders_every_variant_of_a_stage_for_the_contact()
    {
        var (code, stdout, stderr) = await Run("incentive", "C0000001");

        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("contact C0000001 (Anna Taylor, contact1@example.com, Europe/London, en-GB)", stdout, StringComparison.Ordinal);
        Assert.Contains("for high_value)\nSubject: 30% off and free shipping, Anna\n", stdout, StringComparison.Ordinal);
        Assert.Contains("otherwise)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("<p>Hi Anna,</p>", stdout, StringComparison.Ordinal);
        Assert.Matches("<strong>BACK-[A-HJ-NP-Z2-9]{6}</strong>", stdout);
        // 72 hours after 2026-03-27 09:00 UTC, in London (summer time from 29 March), written as en-GB writes it.
        Assert.Contains("valid until 30/03/2026 10:00", stdout, StringComparison.Ordinal);
        Assert.Matches("href=\"https://links\\.example\\.invalid/u/[0-9a-f]{32}\"", stdout);
        Assert.Equal(stdout, (await Run("incentive", "C0000001")).Stdout);
    }

    [Fact]
    public async Task Shows_each_subject_variant_with_its_weight()
    {
        var (code, stdout, _) = await Run("recognition", "C0000001");
        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Subject (50%): We noticed you've been away\n", stdout, StringComparison.Ordinal);
        Assert.Contains("Subject (50%): Where have you been, Anna?\n", stdout, StringComparison.Ordinal);
        Assert.Contains("Preheader: A lot has changed since your last visit\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Escapes_contact_values_in_html()
    {
        using var folder = new TempFolder();
        var contacts = folder.Write("contacts.csv", "id,email,first_name,timezone,locale,subscribed\nX1,x@example.com,<b>Ann & Co</b>,Europe/Amsterdam,nl-NL,true\n");
        var (code, stdout, stderr) = await Run("incentive", "X1", contacts);
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("<p>Hi &lt;b&gt;Ann &amp; Co&lt;/b&gt;,</p>", stdout, StringComparison.Ordinal);
        Assert.Contains("valid until 30-03-2026 11:00", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_stage_is_a_usage_error_with_a_suggestion()
    {
        var (code, _, stderr) = await Run("incentiv", "C0000001");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("stage 'incentiv' is not in campaign we_miss_you", stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean 'incentive'?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_contact_is_a_usage_error_with_a_suggestion()
    {
        var (code, _, stderr) = await Run("incentive", "C000001");
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("contact 'C000001' is not in the data; did you mean 'C0000001'?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_inputs_are_usage_errors()
    {
        Assert.Equal(ExitCodes.UsageError, (await Run("incentive", "C0000001", RepositoryPaths.InRepo("examples", "data", "nope.csv"))).Code);
        Assert.Equal(ExitCodes.UsageError, (await Run("incentive", "C0000001", at: "yesterday")).Code);
        Assert.Equal(ExitCodes.UsageError, (await Run("incentive", "C0000001", file: RepositoryPaths.InRepo("examples", "nope.campaign"))).Code);
    }

    [Fact]
    public async Task A_campaign_with_errors_exits_1_with_its_diagnostics()
    {
        using var folder = new TempFolder();
        var file = folder.Write("broken.campaign", "campaign broken \"Broken\" {\n  type nosuchtype\n}\n");
        var (code, _, stderr) = await Run("x", "C0000001", file: file);
        Assert.Equal(ExitCodes.CampaignErrors, code);
        Assert.Contains("broken.campaign(", stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> ExampleStages()
    {
        var cases = new TheoryData<string, string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.InRepo("examples"), "*.campaign", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (System.Text.RegularExpressions.Match stage in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), @"(?m)^\s*stage (\w+)"))
            {
                cases.Add(Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'), stage.Groups[1].Value);
            }
        }

        return cases;
    }

    /// <summary>Every stage of every example renders for an example contact (a file with two campaigns picks the one that has the stage).</summary>
    [Theory]
    [MemberData(nameof(ExampleStages))]
    public async Task Every_example_stage_renders(string file, string stage)
    {
        var (code, stdout, stderr) = await Run(stage, "C0000002", file: RepositoryPaths.InRepo(file.Split('/')));
        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains($"stage {stage}, contact C0000002", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stage_in_no_campaign_of_a_file_with_several_is_a_usage_error()
    {
        var (code, _, stderr) = await Run("birthday_wsh", "C0000001", file: RepositoryPaths.InRepo("examples", "birthday", "birthday.campaign"));
        Assert.Equal(ExitCodes.UsageError, code);
        Assert.Contains("did you mean 'birthday_wish'?", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> Run(string stage, string contact, string? data = null, string at = "2026-03-27T09:00:00Z", string? file = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var request = new PreviewCommand.PreviewRequest(file ?? Campaign, stage, contact, null, data ?? Contacts, at, "https://links.example.invalid", null);
        var code = await PreviewCommand.RunAsync(request, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
