using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests.Security;

/// <summary>
/// Every path a campaign or campaignc.yaml names stays inside the project root (the folder of campaignc.yaml): `..` that
/// leaves it, an absolute path, or a symbolic link that points out of it is CDSL0150 at validate time, refused by the other
/// commands, and nothing of the file outside is read or quoted (issue 11, items 1 and 2). A link that stays inside is fine.
/// </summary>
public sealed class PathConfinementTests : IDisposable
{
    private const string Secret = "SECRET_TOKEN=hunter2-never-shown";

    private readonly TempFolder _folder = new();

    public PathConfinementTests()
    {
        _folder.Write("outside/secret.env", Secret + "\n");
        _folder.Write("outside/shared.campaign", "segment vip = subscribed\n");
        _folder.Write("outside/helper.csx", "// " + Secret + "\nstatic int Helper() => 1;\n");
        _folder.Write("outside/templates/hello.hbs", "<p>" + Secret + " <a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n");
        _folder.Write("project/templates/hello.hbs", "<p>Hi {{first_name}} <a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n");
        _folder.Write("project/shared/lib.campaign", "segment vip = subscribed\n");
        Directory.CreateSymbolicLink(_folder.Combine("project", "out"), _folder.Combine("outside"));
        Directory.CreateSymbolicLink(_folder.Combine("project", "in"), _folder.Combine("project", "templates"));
    }

    public void Dispose() => _folder.Dispose();

    private string Absolute(string file) => _folder.Combine("outside", file);

    public static TheoryData<string, string> Templates => new()
    {
        { "parent", "../outside/secret.env" },
        { "deep parent", "../../../../../../../../etc/passwd" },
        { "absolute", "ABSOLUTE:secret.env" },
        { "link out", "out/secret.env" },
        { "link out to a template", "out/templates/hello.hbs" },
    };

    [Theory]
    [MemberData(nameof(Templates))]
    public async Task A_template_outside_the_project_is_CDSL0150_and_never_read(string how, string path)
    {
        var campaign = Campaign($"send sms \"{Resolve(path)}\"");

        var run = await Cli.RunAsync("validate", campaign, "--format", "github");

        Assert.True(run.ExitCode == 1, $"{how}: {run}");
        Assert.Contains("CDSL0150", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("root:", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_template_through_a_link_that_stays_inside_is_fine()
    {
        var run = await Cli.RunAsync("validate", Campaign("send email \"in/hello.hbs\" subject \"Hi\""));

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Theory]
    [InlineData("../outside/shared.campaign")]
    [InlineData("ABSOLUTE:shared.campaign")]
    [InlineData("out/shared.campaign")]
    public async Task An_import_outside_the_project_is_CDSL0150(string path)
    {
        var campaign = Campaign("send email \"templates/hello.hbs\" subject \"Hi\"", $"import \"{Resolve(path)}\"\n");

        var run = await Cli.RunAsync("validate", campaign);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error CDSL0150: import refused", run.Stdout, StringComparison.Ordinal);
        var inside = await Cli.RunAsync("validate", Campaign("send email \"templates/hello.hbs\" subject \"Hi\"", "import \"shared/lib.campaign\"\n"));
        Assert.True(inside.ExitCode == 0, inside.ToString());
    }

    [Theory]
    [InlineData("../outside/helper.csx")]
    [InlineData("ABSOLUTE:helper.csx")]
    [InlineData("out/helper.csx")]
    public async Task A_plugin_script_outside_the_project_is_CDSL0150_and_never_quoted(string path)
    {
        var campaign = Campaign("send email \"templates/hello.hbs\" subject \"Hi\"", config: $"plugins: [\"{Resolve(path)}\"]\n");

        var run = await Cli.RunAsync("validate", campaign, "--format", "github");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("CDSL0150", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("#load", "../../outside/secret.env")]
    [InlineData("#load", "ABSOLUTE:secret.env")]
    [InlineData("#load", "../out/helper.csx")]
    [InlineData("#r", "../../outside/lib.dll")]
    [InlineData("#r", "ABSOLUTE:lib.dll")]
    public async Task A_load_or_reference_in_a_script_that_leaves_the_project_is_CDSL0150_and_never_quoted(string directive, string path)
    {
        _folder.Write("project/plugins/p.csx", $"{directive} \"{Resolve(path)}\"\n[CampaignFunction(\"twice\")] static decimal Twice(decimal x) => 2 * x;\n");
        var campaign = Campaign("send email \"templates/hello.hbs\" subject \"Hi\"", config: "plugins: [plugins/p.csx]\n");

        var run = await Cli.RunAsync("validate", campaign, "--format", "github");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("file=project/plugins/p.csx,line=1", run.Stdout.Replace(_folder.Path + "/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("CDSL0150", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../outside/templates")]
    [InlineData("ABSOLUTE:templates")]
    [InlineData("out/templates")]
    public async Task A_template_folder_outside_the_project_is_CDSL0150(string path)
    {
        var campaign = Campaign("send email \"hello.hbs\" subject \"Hi\"", config: $"templates:\n  folders: [\"{Resolve(path)}\"]\n");

        var run = await Cli.RunAsync("validate", campaign);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("error CDSL0150: template folder refused", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_and_preview_refuse_a_campaign_whose_template_leaves_the_project()
    {
        var campaign = Campaign("send sms \"../outside/secret.env\"");
        _folder.Write("project/data/contacts.csv", "id,email,phone,timezone,subscribed,created_at\nC1,a@example.com,+3161234567,UTC,true,2025-01-01T00:00:00Z\n");
        _folder.Write("project/data/events.csv", "contact_id,type,at,amount\n");

        var simulate = await Cli.RunAsync("simulate", campaign, "--data", _folder.Combine("project", "data", "contacts.csv"),
            _folder.Combine("project", "data", "events.csv"), "--start", "2026-01-05", "--days", "3");
        var preview = await Cli.RunAsync("preview", campaign, "--stage", "one", "--contact", "C1", "--data", _folder.Combine("project", "data", "contacts.csv"));

        foreach (var run in new[] { simulate, preview })
        {
            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("CDSL0150", run.Stdout + run.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("hunter2", run.Stdout + run.Stderr, StringComparison.Ordinal);
        }
    }

    private string Resolve(string path) => path.StartsWith("ABSOLUTE:", StringComparison.Ordinal) ? Absolute(path["ABSOLUTE:".Length..]) : path;

    private string Campaign(string send, string imports = "", string config = "") 
    {
        _folder.Write("project/campaignc.yaml", "version: 1\n" + config);
        return _folder.Write("project/a.campaign", $$"""
            {{imports}}campaign a "A" {
              type welcome
              from "Shop <shop@shop.example>"
              audience { where subscribed }
              stage one { {{send}} }
            }
            """);
    }
}
