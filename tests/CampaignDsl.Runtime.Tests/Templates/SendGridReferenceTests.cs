using CampaignDsl.Runtime.Templates;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Templates;

/// <summary>
/// The real SendGrid templates (../shared/data/templates/sendgrid) rendered with their sample data must
/// equal, byte for byte, what handlebars.js 4.7.8 renders: HandlebarsReference/render.js wrote the
/// expected files (regenerate with `npm ci && node render.js` there, never by hand).
/// </summary>
public sealed class SendGridReferenceTests
{
    private static readonly string Source = Path.Combine(RepositoryPaths.Shared, "data", "templates", "sendgrid");
    private static readonly string Expected = Path.Combine(RepositoryPaths.Root, "tests", "CampaignDsl.Runtime.Tests", "HandlebarsReference", "expected");

    public static TheoryData<string, string> Cases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var folder in Directory.GetDirectories(Source).Order(StringComparer.Ordinal))
        {
            foreach (var data in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
            {
                cases.Add(Path.GetFileName(folder), Path.GetFileName(data));
            }
        }

        return cases;
    }

    [Fact]
    public void Every_sample_has_a_reference_output()
    {
        Assert.Equal(8, Cases().Count);
        foreach (var row in Cases())
        {
            var (folder, data) = ((string)row[0], (string)row[1]);
            Assert.True(File.Exists(Path.Combine(Expected, folder, Path.ChangeExtension(data, ".html"))), $"{folder}/{data} has no expected output; run render.js");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_exactly_as_handlebars_js(string folder, string data)
    {
        var directory = Path.Combine(Source, folder);
        var template = File.ReadAllText(Directory.GetFiles(directory, "*.html").Single());
        var model = JsonTemplateModel.FromJson(File.ReadAllText(Path.Combine(directory, data)));

        var compiled = Assert.IsType<TemplateCompilation.Compiled>(new HandlebarsTemplateEngine().Compile(template));
        var rendered = Assert.IsType<TemplateRendering.Rendered>(compiled.Template.Render(model));

        var expected = File.ReadAllText(Path.Combine(Expected, folder, Path.ChangeExtension(data, ".html")));
        Assert.Equal(expected, rendered.Text);
    }

    public static TheoryData<string> CaseNames() => [.. ReadCases(Path.Combine(Expected, "..", "cases.json")).Select(c => c.GetProperty("name").GetString()!)];

    /// <summary>HandlebarsReference/cases.json rendered by handlebars.js (expected/cases.json): the whitespace of chained else-if blocks, escaping, values.</summary>
    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Small_cases_render_exactly_as_handlebars_js(string name)
    {
        var input = ReadCases(Path.Combine(Expected, "..", "cases.json")).Single(c => c.GetProperty("name").GetString() == name);
        var expected = ReadCases(Path.Combine(Expected, "cases.json")).Single(c => c.GetProperty("name").GetString() == name).GetProperty("output").GetString();
        var model = JsonTemplateModel.FromJson(input.GetProperty("data").GetRawText());

        var compiled = Assert.IsType<TemplateCompilation.Compiled>(new HandlebarsTemplateEngine().Compile(input.GetProperty("template").GetString()!));
        Assert.Equal(expected, Assert.IsType<TemplateRendering.Rendered>(compiled.Template.Render(model)).Text);
    }

    private static List<System.Text.Json.JsonElement> ReadCases(string path)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

}
