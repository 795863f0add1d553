using System.Text;
using CampaignDsl.Compiler.Templates;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Tests.Templates;

/// <summary>Finding templates relative to the campaign file, on disk and in memory.</summary>
public sealed class TemplateSourceTests
{
    [Theory]
    [InlineData("examples/reengagement/we_miss_you.campaign", "templates/recognition.hbs", "examples/reengagement/templates/recognition.hbs")]
    [InlineData("input.campaign", "templates/x.hbs", "templates/x.hbs")]
    [InlineData("a/b/c.campaign", "../shared/./x.hbs", "a/shared/x.hbs")]
    [InlineData("c.campaign", "../x.hbs", "../x.hbs")]
    [InlineData("/abs/c.campaign", "t/x.hbs", "/abs/t/x.hbs")]
    [InlineData("a/c.campaign", "/other/x.hbs", "/other/x.hbs")]
    [InlineData("a\\b\\c.campaign", "templates\\x.hbs", "a/b/templates/x.hbs")]
    public void Paths_are_read_from_the_campaign_folder(string campaign, string template, string expected) =>
        Assert.Equal(expected, TemplatePaths.Combine(TemplatePaths.FolderOf(campaign), template));

    [Fact]
    public void In_memory_source_finds_lists_neighbours_and_searches_extra_folders()
    {
        var source = new InMemoryTemplateSource(
            [
                KeyValuePair.Create("campaigns/templates/welcome.hbs", "Hi"u8.ToArray()),
                KeyValuePair.Create("campaigns/templates/tips.hbs", "Tips"u8.ToArray()),
                KeyValuePair.Create("shared/footer.hbs", "Bye"u8.ToArray()),
            ],
            ["shared"]);

        var found = Assert.IsType<TemplateLookup.Found>(source.Find("campaigns/a.campaign", "templates/welcome.hbs"));
        Assert.Equal("campaigns/templates/welcome.hbs", found.Path);
        Assert.Equal("shared/footer.hbs", source.Find("campaigns/a.campaign", "footer.hbs").Path);

        var missing = Assert.IsType<TemplateLookup.Missing>(source.Find("campaigns/a.campaign", "templates/welcom.hbs"));
        Assert.Equal("campaigns/templates/welcom.hbs", missing.Path);
        Assert.Equal(["tips.hbs", "welcome.hbs"], missing.Neighbours.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void File_system_source_reads_from_the_campaign_folder_then_the_configured_ones()
    {
        var root = Directory.CreateTempSubdirectory("templates-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "campaigns", "templates"));
            Directory.CreateDirectory(Path.Combine(root, "shared"));
            File.WriteAllText(Path.Combine(root, "campaigns", "templates", "welcome.hbs"), "Hi {{first_name}}", Encoding.UTF8);
            File.WriteAllText(Path.Combine(root, "shared", "footer.hbs"), "Bye", Encoding.UTF8);
            var source = new FileSystemTemplateSource([Path.Combine(root, "shared")]);
            var campaign = Path.Combine(root, "campaigns", "a.campaign");

            var found = Assert.IsType<TemplateLookup.Found>(source.Find(campaign, "templates/welcome.hbs"));
            Assert.Equal("Hi {{first_name}}", Encoding.UTF8.GetString(found.Content).TrimStart('\uFEFF'));
            Assert.IsType<TemplateLookup.Found>(source.Find(campaign, "footer.hbs"));

            var missing = Assert.IsType<TemplateLookup.Missing>(source.Find(campaign, "templates/welcom.hbs"));
            Assert.Equal(TemplatePaths.Normalize(Path.Combine(root, "campaigns", "templates", "welcom.hbs").Replace('\\', '/')), missing.Path);
            Assert.Equal("welcome.hbs", Assert.Single(missing.Neighbours));
            Assert.Empty(Assert.IsType<TemplateLookup.Missing>(source.Find(campaign, "nowhere/x.hbs")).Neighbours);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, (byte)'H', (byte)'i' }, null)]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'H', 0 }, TextDecodeProblemKind.Utf16)]
    [InlineData(new byte[] { (byte)'H', 0, (byte)'i' }, TextDecodeProblemKind.Binary)]
    [InlineData(new byte[] { (byte)'c', (byte)'a', (byte)'f', 0xE9 }, TextDecodeProblemKind.InvalidUtf8)]
    public void Decoding_accepts_only_UTF_8_text(byte[] bytes, TextDecodeProblemKind? expected)
    {
        var (text, problem) = TemplateDecoder.Decode("t.hbs", bytes);

        Assert.Equal(expected, problem?.Kind);
        if (expected is null)
        {
            Assert.Equal("Hi", text.Text);
        }
    }

    [Fact]
    public void Invalid_UTF_8_is_located_at_the_bad_byte()
    {
        var (text, problem) = TemplateDecoder.Decode("t.hbs", [.. "ab\ncaf"u8, 0xE9, .. " x"u8]);

        Assert.Equal(new Compiler.Text.LinePosition(2, 4), text.GetPosition(problem!.Offset!.Value));
        Assert.Equal((byte)0xE9, problem.Byte);
    }

    [Fact]
    public void A_template_over_the_limit_is_refused()
    {
        var (_, problem) = TemplateDecoder.Decode("t.hbs", new byte[TemplateDecoder.MaxBytes + 1]);

        Assert.Equal(TextDecodeProblemKind.TooLarge, problem?.Kind);
    }
}
