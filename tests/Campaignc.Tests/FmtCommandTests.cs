using System.Text;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests;

/// <summary><c>campaignc fmt</c>: rewrites in place, <c>--check</c> changes nothing and exits 1 when a file would change, a file with syntax errors is never touched.</summary>
public sealed class FmtCommandTests
{
    private const string Messy = "campaign messy \"Messy\" {type winback  from \"Anna <anna@shop.example>\" // sender\n"
        + "audience{where subscribed}\nstage first{send email \"t.hbs\" subject \"Hi\"}}\n";

    private const string Formatted = """
        campaign messy "Messy" {
          type winback
          from "Anna <anna@shop.example>" // sender

          audience {
            where subscribed
          }

          stage first {
            send email "t.hbs" subject "Hi"
          }
        }

        """;

    private const string WithSyntaxError = "campaign broken {\n  stage x after five {  }\n}\n";

    [Fact]
    public async Task Rewrites_files_in_place_and_lists_them()
    {
        using var temp = new TempFolder();
        var file = temp.Write("messy.campaign", Messy);

        var result = await Cli.RunAsync("fmt", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(Formatted, File.ReadAllText(file));
        Assert.Contains("messy.campaign", result.Stdout, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(temp.Path));
    }

    [Fact]
    public async Task Check_exits_1_and_changes_nothing_when_a_file_is_not_formatted()
    {
        using var temp = new TempFolder();
        var file = temp.Write("messy.campaign", Messy);
        temp.Write("clean.campaign", Formatted.Replace("messy", "clean", StringComparison.Ordinal));

        var result = await Cli.RunAsync("fmt", "--check", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.Equal(Messy, File.ReadAllText(file));
        Assert.Contains("messy.campaign", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("clean.campaign", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_exits_0_when_every_file_is_formatted()
    {
        using var temp = new TempFolder();
        var file = temp.Write("clean.campaign", Formatted);

        var result = await Cli.RunAsync("fmt", "--check", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
    }

    [Fact]
    public async Task File_with_syntax_errors_is_reported_and_left_untouched()
    {
        using var temp = new TempFolder();
        var broken = temp.Write("broken.campaign", WithSyntaxError);
        var messy = temp.Write("messy.campaign", Messy);

        var result = await Cli.RunAsync("fmt", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.Equal(WithSyntaxError, File.ReadAllText(broken));
        Assert.Contains("broken.campaign(2,17): error CDSL0009", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(Formatted, File.ReadAllText(messy));
    }

    [Fact]
    public async Task Check_never_says_all_formatted_of_a_file_it_could_not_check()
    {
        using var temp = new TempFolder();
        temp.Write("broken.campaign", WithSyntaxError);
        temp.Write("clean.campaign", Formatted);

        var result = await Cli.RunAsync("fmt", "--check", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.CampaignErrors, result.ToString());
        Assert.DoesNotContain("all formatted", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 file checked and formatted; 1 file with syntax errors not checked", result.Stdout, StringComparison.Ordinal);
        var formatting = await Cli.RunAsync("fmt", temp.Path);
        Assert.Contains("1 file checked: 0 formatted; 1 file with syntax errors left as they are", formatting.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stdout_prints_one_file_and_changes_nothing()
    {
        using var temp = new TempFolder();
        var file = temp.Write("messy.campaign", Messy);

        var result = await Cli.RunAsync("fmt", "--stdout", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Equal(Formatted, result.Stdout);
        Assert.Equal(Messy, File.ReadAllText(file));
    }

    [Fact]
    public async Task Stdout_with_several_files_is_a_usage_error()
    {
        using var temp = new TempFolder();
        temp.Write("a.campaign", Messy);
        temp.Write("b.campaign", Formatted);

        var result = await Cli.RunAsync("fmt", "--stdout", temp.Path);

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("--stdout", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_path_exits_2()
    {
        using var temp = new TempFolder();

        var result = await Cli.RunAsync("fmt", temp.Combine("nowhere.campaign"));

        Assert.True(result.ExitCode == ExitCodes.UsageError, result.ToString());
        Assert.Contains("does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crlf_and_byte_order_mark_are_kept()
    {
        using var temp = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes(Messy.Replace("\n", "\r\n", StringComparison.Ordinal));
        var file = temp.WriteBytes("crlf.campaign", [0xEF, 0xBB, 0xBF, .. bytes]);

        var result = await Cli.RunAsync("fmt", file);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var written = File.ReadAllBytes(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], written[..3]);
        Assert.Equal(Formatted.Replace("\n", "\r\n", StringComparison.Ordinal), Encoding.UTF8.GetString(written[3..]));
    }
}
