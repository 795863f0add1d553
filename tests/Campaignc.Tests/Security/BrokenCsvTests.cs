using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests.Security;

/// <summary>
/// <c>campaignc import</c> of a CSV file an attacker shaped: invalid UTF-8, a NUL byte in a field, a header naming a
/// column twice. Never imported altered: with <c>--strict</c> a located error and nothing imported, without it a bad
/// row counted and left out; the repeated column is an error either way (issue 11, item 5).
/// </summary>
public sealed class BrokenCsvTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, byte[], string> Flaws => new()
    {
        { "C3 28", [0xC3, 0x28], "invalid UTF-8 (0xC3 at byte 3 of the field)" },
        { "a lone FF", [0xFF], "invalid UTF-8 (0xFF at byte 3 of the field)" },
        { "NUL", [0x00], "a NUL byte (0x00) at byte 3 of the field" },
    };

    [Theory]
    [MemberData(nameof(Flaws))]
    public async Task With_strict_a_row_that_is_not_UTF8_text_stops_the_import_naming_file_line_and_column(string flaw, byte[] bytes, string what)
    {
        var file = _folder.WriteBytes("contacts.csv", [.. "id,email,first_name\nC1,a@example.com,Ann\nC2,b@example.com,Zo"u8, .. bytes, .. "\nC3,c@example.com,Cleo\n"u8]);

        var import = await Cli.RunAsync("import", "--from", file, "--into", _folder.Combine("store.db"), "--strict");

        Assert.True(import.ExitCode == 1, $"{flaw}: {import}");
        Assert.Contains($"contacts.csv(3): error: column `first_name`: {what}", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", import.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", import.Stdout + import.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", import.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Flaws))]
    public async Task Without_strict_the_row_is_a_bad_row_and_the_others_are_imported(string flaw, byte[] bytes, string what)
    {
        var file = _folder.WriteBytes("contacts.csv", [.. "id,email,first_name\nC1,a@example.com,Ann\nC2,b@example.com,Zo"u8, .. bytes, .. "\nC3,c@example.com,Cleo\n"u8]);

        var import = await Cli.RunAsync("import", "--from", file, "--into", _folder.Combine("store.db"));

        Assert.True(import.ExitCode == 0, $"{flaw}: {import}");
        Assert.Contains($"contacts.csv(3): error: column `first_name`: {what}", import.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"contacts\.csv\s*│\s*contacts\s*│\s*3\s*│\s*2\s*│\s*0\s*│\s*0\s*│\s*1\s*│", import.Stdout);
        Assert.Contains("now holds 2 contacts", import.Stdout, StringComparison.Ordinal);
    }

    /// <summary>simulate (and preview and run, which open CSV data the same way) reads by the rule of an import without --strict.</summary>
    [Fact]
    public async Task Simulate_reports_the_row_that_is_not_UTF8_text_and_leaves_it_out_and_refuses_a_repeated_column()
    {
        var lines = File.ReadAllLines(Example("data", "contacts.csv"));
        var damaged = _folder.WriteBytes("contacts.csv", [.. System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines[..2]) + "\nC0000002,contact2@example.com,Fi"), 0xFF,
            .. System.Text.Encoding.UTF8.GetBytes(lines[2]["C0000002,contact2@example.com,Fi".Length..] + "\n" + string.Join('\n', lines[3..]) + "\n")]);

        var simulate = await Cli.RunAsync("simulate", Example("reengagement", "we_miss_you.plan.json"), "--data", damaged, Example("data", "events.csv"),
            "--start", "2026-01-05", "--days", "7", "--out", _folder.Combine("t.csv"));

        Assert.True(simulate.ExitCode == 0, simulate.ToString());
        Assert.Contains("contacts.csv(3): error: column `first_name`: invalid UTF-8 (0xFF at byte 3 of the field)", simulate.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', File.ReadAllText(_folder.Combine("t.csv")));

        var twice = _folder.Write("twice.csv", "id,email,email\nC1,a@example.com,attacker@evil.example\n");
        var refused = await Cli.RunAsync("simulate", Example("reengagement", "we_miss_you.plan.json"), "--data", twice,
            "--start", "2026-01-05", "--days", "7", "--out", _folder.Combine("t2.csv"));
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.Contains("twice.csv(1): error: header: the column `email` appears twice (columns 2 and 3)", refused.Stderr, StringComparison.Ordinal);
    }

    private static string Example(params string[] parts) => RepositoryPaths.InRepo(["examples", .. parts]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_header_naming_a_column_twice_is_an_error_with_or_without_strict(bool strict)
    {
        var file = _folder.Write("contacts.csv", "id,email,email\nC1,a@example.com,attacker@evil.example\n");

        var import = await Cli.RunAsync(["import", "--from", file, "--into", _folder.Combine("store.db"), .. strict ? new[] { "--strict" } : []]);

        Assert.True(import.ExitCode == 1, import.ToString());
        Assert.Contains("contacts.csv(1): error: header: the column `email` appears twice (columns 2 and 3)", import.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", import.Stdout + import.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", import.Stdout, StringComparison.Ordinal);
    }
}
