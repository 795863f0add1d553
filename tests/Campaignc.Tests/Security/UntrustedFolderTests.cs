using System.Diagnostics;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests.Security;

/// <summary>
/// A pull request can hold anything a file system can: links back into a folder, a FIFO or a device named like a campaign.
/// validate walks, reads and answers in bounded time and memory: each folder once, only regular files (issue 11, item 4).
/// Each case runs campaignc as a child process, so that a hang is a timeout of that process and not of the test host.
/// </summary>
public sealed class UntrustedFolderTests : IDisposable
{
    private const string Broken = """
        campaign broken "Broken" {
          type welcome
          audience { where subscribed }
          stage hello { send sms body "Hi {{frist_name}}. Reply STOP to opt out" }
        }
        """;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Links_back_into_a_folder_are_not_followed_so_the_walk_ends_and_every_diagnostic_comes_once()
    {
        _folder.Write("campaigns/broken.campaign", Broken);
        Directory.CreateSymbolicLink(_folder.Combine("campaigns", "again"), ".");
        Directory.CreateSymbolicLink(_folder.Combine("campaigns", "and_again"), ".");
        Directory.CreateDirectory(_folder.Combine("campaigns", "deeper"));
        Directory.CreateSymbolicLink(_folder.Combine("campaigns", "deeper", "up"), "..");

        var run = await Cli.RunChildAsync(_folder.Path, "validate", "campaigns");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(1, Count(run.Stdout, ": error CDSL"));
        Assert.Contains("1 file checked", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(3, Count(run.Stderr, "which is searched already"));
        Assert.Contains("'campaigns/again' leads back to 'campaigns'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_to_dev_zero_named_like_a_campaign_is_refused_without_reading_it()
    {
        _folder.Write("campaigns/ok.campaign", Broken);
        File.CreateSymbolicLink(_folder.Combine("campaigns", "z.campaign"), "/dev/zero");

        var run = await Cli.RunChildAsync(_folder.Path, "validate", "campaigns");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'campaigns/z.campaign' is a symbolic link that leads out of 'campaigns', so it was not read", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Insufficient memory", run.Stderr, StringComparison.Ordinal);
        var named = await Cli.RunChildAsync(_folder.Path, "validate", "campaigns/z.campaign");
        Assert.True(named.ExitCode == 2, named.ToString());
        Assert.Contains("not a regular file", named.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_fifo_is_never_opened_whether_walked_to_named_or_imported()
    {
        _folder.Write("campaigns/importer.campaign", """
            import "shared/pipe.campaign"
            campaign importer "Importer" {
              type welcome
              audience { where subscribed }
              stage hello { send sms body "Hi. Reply STOP to opt out" }
            }
            """);
        Directory.CreateDirectory(_folder.Combine("campaigns", "shared"));
        MakeFifo(_folder.Combine("campaigns", "shared", "pipe.campaign"));

        var walked = await Cli.RunChildAsync(_folder.Path, "validate", "campaigns");
        var imported = await Cli.RunChildAsync(_folder.Path, "validate", "campaigns/importer.campaign");

        Assert.True(walked.ExitCode == 2, walked.ToString());
        Assert.Contains("'campaigns/shared/pipe.campaign' is not a regular file", walked.Stderr, StringComparison.Ordinal);
        Assert.True(imported.ExitCode == 1, imported.ToString());
        Assert.Contains("CDSL0043", imported.Stdout, StringComparison.Ordinal);
        Assert.Contains("is not a regular file", imported.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_link_named_like_a_campaign_is_a_problem_that_names_it()
    {
        _folder.Write("campaigns/ok.campaign", Broken);
        File.CreateSymbolicLink(_folder.Combine("campaigns", "gone.campaign"), _folder.Combine("campaigns", "nowhere.campaign"));

        var run = await Cli.RunChildAsync(_folder.Path, "validate", "campaigns");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("'campaigns/gone.campaign' is a symbolic link to nothing", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_name_that_is_not_utf8_is_reported_and_the_other_files_are_still_checked()
    {
        _folder.Write("campaigns/broken.campaign", Broken);
        // Latin-1 writes U+00FF as the single byte 0xFF, which no UTF-8 text holds alone.
        var badName = System.Text.Encoding.Latin1.GetBytes(_folder.Combine("campaigns", "bad\u00ff.campaign"));
        MakeFileNamed(badName, "campaign y \"Y\" {}\n");

        var run = await Cli.RunChildAsync(_folder.Path, "validate", "campaigns");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal(1, Count(run.Stdout, ": error CDSL"));
        Assert.Contains("has a name that is not valid UTF-8", run.Stderr, StringComparison.Ordinal);
    }

    // .NET can only name files in UTF-8, so the file is made by a process given the raw bytes of its name.
    private static void MakeFileNamed(byte[] name, string text)
    {
        var script = "import sys; open(bytes.fromhex(sys.argv[1]), 'w').write(sys.argv[2])";
        using var python = Process.Start(new ProcessStartInfo("python3", ["-c", script, Convert.ToHexString(name), text]) { UseShellExecute = false })!;
        python.WaitForExit();
        Assert.Equal(0, python.ExitCode);
    }

    private static int Count(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
