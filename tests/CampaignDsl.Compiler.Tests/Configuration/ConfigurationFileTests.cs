using System.Text;
using CampaignDsl.Compiler.Configuration;
using static CampaignDsl.Compiler.Tests.Configuration.ConfigurationFiles;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary>campaignc.yaml as a file: encoding, emptiness, tabs, YAML syntax, repeated keys, several documents.</summary>
public sealed class ConfigurationFileTests
{
    [Fact]
    public void A_complete_file_loads_without_diagnostics()
    {
        var loaded = Load("""
            # The example project's settings.
            version: 1
            lint:
              rules:
                discount-above-maximum: { level: error, max: 40% }
            defaults:
              timezone: Europe/Amsterdam
            templates:
              folders: [templates]
            contacts:
              attributes:
                style: text
            events:
              style.click:
                fields: { style: text }
            runtime:
              state: { kind: sqlite, path: state.db }
            """);

        AssertClean(loaded);
        Assert.Equal(FilePath, loaded.Configuration.FilePath);
        Assert.Equal(ProjectConfiguration.CurrentVersion, loaded.Configuration.Version);
    }

    [Fact]
    public void A_byte_order_mark_and_windows_line_ends_are_accepted()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("version: 1\r\ndefaults:\r\n  owner: crm@shop.example\r\n")).ToArray();

        var loaded = LoadBytes(bytes);

        AssertClean(loaded);
        Assert.Equal("crm@shop.example", loaded.Configuration.Defaults.Owner);
    }

    [Fact]
    public void Invalid_utf8_is_CDSL0070_at_the_byte()
    {
        var bytes = Encoding.UTF8.GetBytes("version: 1\ndefaults:\n  owner: caf\u00e9\n");
        bytes[^2] = 0xE9; // Latin-1 é instead of its UTF-8 bytes
        bytes = bytes[..^1].Append((byte)'\n').ToArray();

        var diagnostic = Single(LoadBytes(bytes));

        Assert.Equal("CDSL0070", diagnostic.Code);
        Assert.Equal(3, diagnostic.Location.Start.Line);
        Assert.Equal(13, diagnostic.Location.Start.Column);
    }

    [Fact]
    public void Utf16_is_CDSL0070()
    {
        var diagnostic = Single(LoadBytes(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("version: 1\n")).ToArray()));

        Assert.Equal("CDSL0070", diagnostic.Code);
        Assert.Equal(1, diagnostic.Location.Start.Line);
    }

    [Fact]
    public void Nul_bytes_are_CDSL0070_where_the_text_ends()
    {
        var diagnostic = Single(LoadBytes([.. Encoding.UTF8.GetBytes("version: 1\n"), 0, 1, 2]));

        Assert.Equal("CDSL0070", diagnostic.Code);
        Assert.Equal(2, diagnostic.Location.Start.Line);
    }

    [Fact]
    public void A_file_over_1_MB_is_CDSL0070()
    {
        var bytes = Encoding.UTF8.GetBytes("# " + new string('x', (int)ConfigurationLoader.MaxFileBytes) + "\n");

        Assert.Equal("CDSL0070", Single(LoadBytes(bytes)).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n...\n")]
    public void An_empty_file_is_the_warning_CDSL0072_with_defaults(string yaml)
    {
        var loaded = Load(yaml);

        var diagnostic = Single(loaded);
        Assert.Equal("CDSL0072", diagnostic.Code);
        Assert.Equal(1, diagnostic.Location.Start.Line);
        Assert.False(loaded.HasErrors);
        Assert.Equal(ProjectConfiguration.Default with { FilePath = FilePath }, loaded.Configuration);
    }

    [Fact]
    public void Tab_indentation_is_CDSL0071_on_every_such_line()
    {
        var loaded = Load("version: 1\ndefaults:\n\ttimezone: UTC\n  owner: x@y.z\n\t\tfrom: a@b.c\n");

        Assert.Equal(2, loaded.Diagnostics.Length);
        AssertAt(loaded.Diagnostics[0], "CDSL0071", 3, "\t");
        AssertAt(loaded.Diagnostics[1], "CDSL0071", 5, "\t");
    }

    [Fact]
    public void A_tab_inside_a_quoted_value_is_fine()
    {
        AssertClean(Load("defaults:\n  owner: \"crm\tteam@shop.example\"\n"));
    }

    [Theory]
    [InlineData("defaults:\n  timezone: UTC\n owner: x@y.z\n", 3, "o")]
    [InlineData("defaults:\n  from: a: b\n", 2, ":")]
    [InlineData("defaults: {owner: \"x\n", 1, "\"")]
    [InlineData("templates:\n  folders: [a, b\nversion: 1\n", 2, "[")]
    [InlineData("contacts: {attributes: x\n", 2, "")]
    [InlineData("defaults:\n  owner: @crm\n", 2, "@")]
    [InlineData("templates:\n  folders:\n    - a\n    b: 2\n", 4, "b")]
    public void Malformed_yaml_is_CDSL0071_at_the_fault(string yaml, int line, string spanned)
    {
        var loaded = Load(yaml);

        AssertOnly(loaded, "CDSL0071", line, spanned);
        Assert.Equal(ProjectConfiguration.Default with { FilePath = FilePath }, loaded.Configuration);
    }

    [Fact]
    public void An_alias_without_anchor_is_CDSL0071_at_the_alias()
    {
        AssertOnly(Load("version: 1\nlint: *shared\n"), "CDSL0071", 2, "*shared");
    }

    [Fact]
    public void Anchors_and_aliases_are_read()
    {
        var loaded = Load("contacts:\n  attributes:\n    style: &t text\n    size: *t\n");

        AssertClean(loaded);
        Assert.Equal(2, loaded.Configuration.Contacts.Attributes.Count);
    }

    [Fact]
    public void Deep_nesting_is_CDSL0071_not_a_crash()
    {
        var loaded = Load("runtime:\n  data:\n    mapping: " + new string('[', 5000) + "\n");

        Assert.Equal("CDSL0071", Single(loaded).Code);
        Assert.Equal(3, loaded.Diagnostics[0].Location.Start.Line);
    }

    [Fact]
    public void A_second_document_is_CDSL0071_at_its_marker_and_the_first_is_kept()
    {
        var loaded = Load("version: 1\ndefaults:\n  owner: a@b.c\n---\nversion: 1\n");

        AssertOnly(loaded, "CDSL0071", 4, "---");
        Assert.Equal("a@b.c", loaded.Configuration.Defaults.Owner);
    }

    [Fact]
    public void A_repeated_key_is_CDSL0075_on_the_second_and_the_first_wins()
    {
        var loaded = Load("""
            defaults:
              timezone: Europe/Amsterdam
              owner: crm@shop.example
              timezone:
                nested: [dropped, with, its, value]
            """);

        var diagnostic = AssertOnly(loaded, "CDSL0075", 4, "timezone");
        Assert.Contains("line 2", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal("Europe/Amsterdam", loaded.Configuration.Defaults.TimeZone);
        Assert.Equal("crm@shop.example", loaded.Configuration.Defaults.Owner);
    }

    [Fact]
    public void Repeated_keys_are_reported_in_every_block_and_reading_goes_on()
    {
        var loaded = Load("""
            version: 1
            contacts:
              attributes:
                style: text
                style: number
            version: 1
            defaults: { owner: a@b.c, owner: d@e.f }
            """);

        Assert.Equal(["CDSL0075", "CDSL0075", "CDSL0075"], loaded.Diagnostics.Select(d => d.Code));
        Assert.Equal([5, 6, 7], loaded.Diagnostics.Select(d => d.Location.Start.Line));
        Assert.Equal(Semantics.DataType.Text, loaded.Configuration.Contacts.Attributes["style"]);
        Assert.Equal("a@b.c", loaded.Configuration.Defaults.Owner);
    }

    [Theory]
    [InlineData("just a sentence\n", "just a sentence")]
    [InlineData("- version: 1\n", "-")]
    public void A_file_that_is_not_a_block_of_keys_is_CDSL0076(string yaml, string spanned)
    {
        AssertOnly(Load(yaml), "CDSL0076", 1, spanned);
    }

    [Fact]
    public void A_key_that_is_not_a_name_is_CDSL0076()
    {
        AssertOnly(Load("[a, b]: 1\nversion: 1\n"), "CDSL0076", 1, "[");
    }
}
