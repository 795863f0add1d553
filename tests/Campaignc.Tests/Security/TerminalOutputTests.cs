using Campaignc.Output;
using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests.Security;

/// <summary>
/// Contact data printed by <c>preview</c> (and read back by <c>audit</c>) is shown, never acted on: an escape sequence in a
/// name would otherwise retitle the terminal, clear it or hide the lines before it (issue 11, item 9).
/// </summary>
public sealed class TerminalOutputTests : IDisposable
{
    private const string Escape = "\u001b";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Preview_shows_control_characters_from_contact_data_as_escapes()
    {
        _folder.Write("campaignc.yaml", "version: 1\n");
        _folder.Write("data/contacts.csv",
            $"id,email,first_name,last_name,timezone,subscribed,created_at\nK1,k1@example.com,\"Ann{Escape}]0;owned{'\u0007'}\",\"Lee{Escape}[2J\u202Eevil\",Europe/London,true,2025-01-01T00:00:00Z\n");
        _folder.Write("data/events.csv", "contact_id,type,at,amount\n");
        var campaign = _folder.Write("hello.campaign", """
            campaign hello "Hello" {
              type custom
              from "Shop <shop@shop.example>"
              audience { where subscribed }
              stage greet {
                send sms body "Hi {{first_name}} {{last_name}}. Reply STOP to opt out"
              }
            }
            """);

        var preview = await Cli.RunAsync("preview", campaign, "--stage", "greet", "--contact", "K1", "--data", _folder.Combine("data", "contacts.csv"),
            "--at", "2026-01-05T12:00:00Z");

        Assert.True(preview.ExitCode == 0, preview.ToString());
        Assert.DoesNotContain(Escape, preview.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u0007", preview.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", preview.Stdout, StringComparison.Ordinal);
        Assert.Contains("Hi Ann\\u001B]0;owned\\u0007 Lee\\u001B[2J\\u202Eevil.", preview.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("two\nlines\tand a tab", "two\nlines\tand a tab")]
    [InlineData("\u001b[31mred", "\\u001B[31mred")]
    [InlineData("\r\u0000\u007f\u009b", "\\u000D\\u0000\\u007F\\u009B")]
    [InlineData("abc\u2066def\u2069", "abc\\u2066def\\u2069")]
    public void Printable_keeps_text_and_line_breaks_and_shows_every_control(string text, string shown) =>
        Assert.Equal(shown, TerminalText.Printable(text));
}
