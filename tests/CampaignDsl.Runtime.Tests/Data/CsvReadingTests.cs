using System.Text;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Data;

/// <summary>RFC 4180 files as exports really write them, read in canonical columns.</summary>
public sealed class CsvReadingTests
{
    [Fact]
    public async Task Quoted_fields_keep_separators_quotes_and_line_breaks_and_later_lines_stay_right()
    {
        using var folder = new TempFolder();
        var path = folder.Write("contacts.csv",
            "id,email,first_name,note\r\n" +
            "1,a@x.example,\"Smith, Anna\",\"said \"\"hi\"\"\"\r\n" +
            "2,b@x.example,Bob,\"two\nlines\"\r\n" +
            "3,,Cleo,plain\r\n" +
            "4,d@x.example,,\"unclosed\r\n");
        var (outcomes, malformed) = await DataFiles.ReadContactsAsync(path, DataMapping.None);

        var loaded = outcomes.Where(o => o.Value is not null).Select(o => o.Value!).ToList();
        Assert.Equal(["1", "2", "3"], loaded.Select(c => c.Id));
        Assert.Equal("Smith, Anna", loaded[0].FirstName);
        Assert.Equal(DataValue.Text("said \"hi\""), loaded[0].Attributes["note"]);
        Assert.Equal(DataValue.Text("two\nlines"), loaded[1].Attributes["note"]);
        Assert.Null(loaded[2].Email);
        Assert.Equal([2, 3, 5], outcomes.Where(o => o.Value is not null).Select(o => o.Line));
        var bad = Assert.Single(malformed);
        Assert.Equal(6, bad.Line);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public async Task Line_endings_and_a_byte_order_mark_make_no_difference(string newline)
    {
        using var folder = new TempFolder();
        var text = string.Join(newline, "contact_id,type,at,amount", "7,purchase,2024-03-01T10:00:00Z,12.50", "8,visit,2024-03-02 09:00:00,") + newline;
        var path = folder.WriteBytes("events.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
        var (outcomes, malformed) = await DataFiles.ReadEventsAsync(path, DataMapping.None);

        Assert.Empty(malformed);
        var events = outcomes.Select(o => o.Value!).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), events[0].At);
        Assert.Equal(12.50m, events[0].Amount);
        Assert.Null(events[1].Amount);
        Assert.Equal([2, 3], outcomes.Select(o => o.Line));
    }

    [Fact]
    public async Task A_row_with_too_few_fields_is_a_bad_row_with_its_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("events.csv", "contact_id,type,at\n1,visit,2024-01-01\n2,visit\n3,visit,2024-01-03\n");
        var (outcomes, malformed) = await DataFiles.ReadEventsAsync(path, DataMapping.None);

        Assert.Equal(2, outcomes.Count);
        Assert.Equal(3, Assert.Single(malformed).Line);
    }

    [Fact]
    public async Task Unparseable_values_are_bad_rows_that_name_file_line_and_field()
    {
        using var folder = new TempFolder();
        var path = folder.Write("events.csv", "contact_id,type,at,amount\n1,purchase,yesterday,5\n,purchase,2024-01-01,5\n3,purchase,2024-01-01,five\n");
        var (outcomes, _) = await DataFiles.ReadEventsAsync(path, DataMapping.None);

        var problems = outcomes.Select(o => o.Problem!).ToList();
        Assert.Equal([2, 3, 4], problems.Select(p => p.Line));
        Assert.All(problems, p => Assert.Equal("events.csv", p.Path));
        Assert.Contains("event at", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("event contact_id", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("event amount", problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_header_without_the_required_columns_names_them()
    {
        using var folder = new TempFolder();
        var path = folder.Write("events.csv", "customer,kind,when\n1,visit,2024-01-01\n");
        var error = await Assert.ThrowsAsync<DataSourceException>(() => DataFiles.ReadEventsAsync(path, DataMapping.None));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(1, problem.Line);
        Assert.Contains("`contact_id`, `type`, `at`", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id,\"em\"ail,note\n1,a@x.example,n\n2,b@x.example,n\n", "header: text after the closing quote")]
    [InlineData("\n\nid,\"email,note\n1,a@x.example,n\n", "header: a quoted field is never closed")]
    public async Task A_malformed_header_is_an_error_and_the_next_row_never_becomes_the_header(string text, string message)
    {
        using var folder = new TempFolder();
        var path = folder.Write("contacts.csv", text);
        var error = await Assert.ThrowsAsync<DataSourceException>(() => DataFiles.ReadContactsAsync(path, DataMapping.None));
        var problem = Assert.Single(error.Problems);
        Assert.Equal(text.TakeWhile(c => c == '\n').Count() + 1, problem.Line);
        Assert.StartsWith(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declared_attribute_types_apply_and_undeclared_columns_stay_text()
    {
        using var folder = new TempFolder();
        var path = folder.Write("contacts.csv", "id,subscribed,timezone,birthday,zip,created_at\n1,yes,Europe/Amsterdam,1990-05-17,01234,2024-01-01 10:00\n2,0,Mars/Base,,,\n");
        var (outcomes, _) = await DataFiles.ReadContactsAsync(path, DataMapping.None);

        var first = outcomes[0].Value!;
        Assert.True(first.Subscribed);
        Assert.Equal("Europe/Amsterdam", first.TimeZone);
        Assert.Equal(DataValue.Date(new DateOnly(1990, 5, 17)), first.Attributes["birthday"]);
        Assert.Equal(DataValue.Text("01234"), first.Attributes["zip"]);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 10, 0, 0, TimeSpan.Zero), first.CreatedAt);
        Assert.Contains("IANA", outcomes[1].Problem!.Message, StringComparison.Ordinal);
    }
}
