using System.Text;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests.Security;

/// <summary>
/// A record over the documented limit (1 MB) is a located error in bounded memory, never "Insufficient memory" and
/// exit 3: one huge line, or a quote never closed at the start of a large file (issue 11, item 5).
/// </summary>
public sealed class HugeCsvTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("one huge line", false)]
    [InlineData("a quote never closed", true)]
    public async Task A_record_over_the_limit_is_a_located_error_and_nothing_is_imported(string how, bool openQuote)
    {
        var text = new StringBuilder("id,email,subscribed\nC1,a@example.com,true\nC2,");
        text.Append(openQuote ? "\"" : "").Append('x', 3 * 1024 * 1024).Append(",true\nC3,c@example.com,true\n");
        var file = _folder.Write("contacts.csv", text.ToString());

        var import = await Cli.RunAsync("import", "--from", file, "--into", _folder.Combine("store.db"));

        Assert.True(import.ExitCode is 1 or 2, $"{how}: {import}");
        Assert.Contains("contacts.csv", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("longer than 1 MB", import.Stderr, StringComparison.Ordinal);
        Assert.Contains("line", import.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Insufficient memory", import.Stdout + import.Stderr, StringComparison.Ordinal);
    }

    /// <summary>The header is a record like the others: telling contacts from events reads it within the same limit.</summary>
    [Fact]
    public async Task A_header_over_the_limit_is_a_located_error_and_nothing_is_imported()
    {
        var file = _folder.Write("contacts.csv", $"id,email,{new string('x', 3 * 1024 * 1024)}\nC1,a@example.com,x\n");

        var import = await Cli.RunAsync("import", "--from", file, "--into", _folder.Combine("store.db"));

        Assert.True(import.ExitCode is 1 or 2, import.ToString());
        Assert.Contains("contacts.csv' has a record longer than 1 MB at its start (line 1, the header)", import.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Imported", import.Stdout, StringComparison.Ordinal);
    }
}
