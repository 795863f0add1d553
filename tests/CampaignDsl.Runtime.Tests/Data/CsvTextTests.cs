using System.Text;
using Campaignc.Commands;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Csv;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Data.Sqlite;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Data;

/// <summary>
/// Bytes that are not UTF-8 text (invalid sequences, NUL) make a bad row, never a value with U+FFFD put in or a NUL
/// kept; a header that names a column twice makes the file unreadable; valid text of any length and script is read
/// unchanged wherever it falls in the read buffer (issue 11, item 5).
/// </summary>
public sealed class CsvTextTests
{
    public static TheoryData<string, byte[], bool> Flaws => new()
    {
        { "C3 28: a lead byte before ASCII", [0xC3, 0x28], false },
        { "C3 28 inside a quoted field", [0xC3, 0x28], true },
        { "a lone FF", [0xFF], false },
        { "a NUL byte", [0x00], false },
        { "a NUL byte inside a quoted field", [0x00], true },
    };

    [Theory]
    [MemberData(nameof(Flaws))]
    public async Task A_row_that_is_not_UTF8_text_is_a_bad_row_naming_file_line_and_column(string flaw, byte[] bytes, bool quoted)
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("contacts.csv", ContactsWith(bytes, quoted));

        var (outcomes, malformed) = await DataFiles.ReadContactsAsync(path, DataMapping.None);

        Assert.Equal(["1", "3"], outcomes.Select(o => o.Value!.Id));
        Assert.Equal(["Zoë", "Cleo"], outcomes.Select(o => o.Value!.FirstName));
        Assert.True(malformed.Count == 1, $"{flaw}: {string.Join("; ", malformed)}");
        var bad = malformed[0];
        Assert.Equal(("contacts.csv", 3), (bad.Path, bad.Line));
        Assert.StartsWith("column `first_name`: ", bad.Message, StringComparison.Ordinal);
        Assert.Contains(bytes[0] == 0 ? "NUL byte" : "invalid UTF-8", bad.Message, StringComparison.Ordinal);
        Assert.Contains("the row is skipped", bad.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', bad.Message);
    }

    [Theory]
    [MemberData(nameof(Flaws))]
    public async Task Import_counts_the_row_as_bad_and_with_strict_imports_nothing(string flaw, byte[] bytes, bool quoted)
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("contacts.csv", ContactsWith(bytes, quoted));

        var lenient = await ImportAsync([path], folder.Combine("lenient.db"), strict: false);
        Assert.True(lenient.Code == 0, $"{flaw}: {lenient.Stderr}");
        Assert.Contains("contacts.csv(3): error: column `first_name`: ", lenient.Stderr, StringComparison.Ordinal);
        Assert.Equal(["1:Zoë", "3:Cleo"], await StoredContactsAsync(folder.Combine("lenient.db")));

        var strict = await ImportAsync([path], folder.Combine("strict.db"), strict: true);
        Assert.True(strict.Code == 1, $"{flaw}: {strict.Stderr}");
        Assert.Contains("contacts.csv(3): error: column `first_name`: ", strict.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was imported", strict.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", strict.Stderr, StringComparison.Ordinal);
        Assert.Empty(await StoredContactsAsync(folder.Combine("strict.db")));
    }

    [Theory]
    [InlineData("id,email,email", "1,a@x.example,b@x.example", 2, 3)]
    [InlineData("id,email,first_name, email ", "1,a@x.example,Ann,b@x.example", 2, 4)]
    public async Task A_header_naming_a_column_twice_is_an_error_for_the_whole_file_with_or_without_strict(string header, string row, int first, int second)
    {
        using var folder = new TempFolder();
        var path = folder.Write("contacts.csv", $"{header}\n{row}\n");

        var refused = await Assert.ThrowsAsync<DataSourceException>(() => DataFiles.ReadContactsAsync(path, DataMapping.None));
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(("contacts.csv", 1), (problem.Path, problem.Line));
        Assert.Contains($"`email` appears twice (columns {first} and {second})", problem.Message, StringComparison.Ordinal);

        foreach (var strict in new[] { false, true })
        {
            var store = folder.Combine($"store-{strict}.db");
            var import = await ImportAsync([path], store, strict);
            Assert.True(import.Code == 1, import.Stderr);
            Assert.Contains("contacts.csv(1): error: header: the column `email` appears twice", import.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", import.Stderr, StringComparison.Ordinal);
            Assert.Empty(await StoredContactsAsync(store));
        }
    }

    [Fact]
    public async Task A_header_that_is_not_UTF8_text_is_an_error_for_the_whole_file()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("contacts.csv", [.. "id,e"u8, 0xFF, .. "mail\n1,a@x.example\n"u8]);

        var refused = await Assert.ThrowsAsync<DataSourceException>(() => DataFiles.ReadContactsAsync(path, DataMapping.None));
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(1, problem.Line);
        Assert.StartsWith("header, column 2: invalid UTF-8 (0xFF at byte 2 of the field)", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UTF-16 LE")]
    [InlineData("UTF-16 BE")]
    [InlineData("UTF-32 LE")]
    public async Task A_UTF16_or_UTF32_file_is_refused_rather_than_transcoded(string encoding)
    {
        // Refused whatever it holds: transcoding it would turn an unpaired surrogate into U+FFFD without a word.
        Encoding text = encoding switch
        {
            "UTF-16 LE" => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "UTF-16 BE" => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
        };
        using var folder = new TempFolder();
        var path = folder.WriteBytes("contacts.csv", [.. text.GetPreamble(), .. text.GetBytes("id,first_name\n1,Zoë\n2,Ann\n")]);

        var refused = await Assert.ThrowsAsync<DataSourceException>(() => DataFiles.ReadContactsAsync(path, DataMapping.None));
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(("contacts.csv", 1), (problem.Path, problem.Line));
        Assert.Contains("save it as UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_and_run_read_CSV_by_the_same_rule_as_an_import_without_strict()
    {
        using var folder = new TempFolder();
        var contacts = folder.WriteBytes("contacts.csv", ContactsWith([0xC3, 0x28], quoted: false));
        var events = folder.WriteBytes("events.csv", [.. "contact_id,type,at\n1,visit,2024-01-01\n3,vis"u8, 0x00, .. "it,2024-01-02\n3,visit,2024-01-03\n"u8]);
        var problems = new DataProblemLog();
        await using var source = new CsvContactSource(contacts, events, DataMapping.None, DataSchema.Default, problems, folder.Path);

        var read = new List<string>();
        await foreach (var contact in source.ReadContactsAsync())
        {
            read.Add($"{contact.Id}:{contact.FirstName}");
        }

        var visits = new List<string>();
        await foreach (var e in source.ReadEventsAsync(EventQuery.All))
        {
            visits.Add($"{e.ContactId}:{e.Type}:{e.At:yyyy-MM-dd}");
        }

        Assert.Equal(["1:Zoë", "3:Cleo"], read);
        Assert.Equal(["1:visit:2024-01-01", "3:visit:2024-01-03"], visits);
        Assert.Equal([("contacts.csv", 3), ("events.csv", 3)], problems.Kept.Select(p => (p.Path, p.Line)));

        var twice = folder.Write("twice.csv", "id,email,email\n1,a@x.example,b@x.example\n");
        await using var repeated = new CsvContactSource(twice, null, DataMapping.None, DataSchema.Default, new DataProblemLog(), folder.Path);
        await Assert.ThrowsAsync<DataSourceException>(async () =>
        {
            await foreach (var _ in repeated.ReadContactsAsync())
            {
            }
        });
    }

    /// <summary>An address whose bytes were replaced would suppress nobody: a suppression list with such a row is refused whole.</summary>
    [Fact]
    public async Task A_suppression_list_with_a_row_that_is_not_UTF8_text_is_refused_not_read_half()
    {
        using var folder = new TempFolder();
        var path = folder.WriteBytes("suppressed.csv", [.. "email,reason\nann@x.example,unsubscribed\nzo"u8, 0xC3, 0x28, .. "@x.example,complaint\n"u8]);

        var refused = await Assert.ThrowsAsync<DataSourceException>(() => CampaignDsl.Runtime.Running.SuppressionList.ReadAsync(path, "suppressed.csv"));
        var problem = Assert.Single(refused.Problems);
        Assert.Equal(("suppressed.csv", 3), (problem.Path, problem.Line));
        Assert.StartsWith("column `email`: invalid UTF-8", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Thousands of rows, each valid text of mixed scripts (1- to 4-byte characters, a literal U+FFFD, quotes and
    /// separators in quoted fields) or carrying one of the ways UTF-8 goes wrong: exactly the damaged rows are bad,
    /// every other value comes back byte for byte.
    /// </summary>
    [Fact]
    public async Task Exactly_the_rows_with_invalid_bytes_are_bad_and_all_others_are_read_unchanged()
    {
        byte[][] damage =
        [
            [0xC3, 0x28], [0xFF], [0xFE], [0x80], [0xBF, 0xBF], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
            [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xC3], [0x00],
        ];
        var random = new Random(11_05);
        using var folder = new TempFolder();
        var file = new List<byte>("id,first_name,note\n"u8.ToArray());
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var damagedLines = new List<int>();
        var line = 2;
        for (var row = 1; row <= 4000; row++)
        {
            var quoted = random.Next(3) == 0;
            var name = RandomText(random, random.Next(0, 24), quoted);
            var value = Encoding.UTF8.GetBytes(quoted ? $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : name);
            if (random.Next(5) == 0)
            {
                // Anywhere in an unquoted value, or inside the quotes but never between the two quotes of an escaped one.
                var bytes = damage[random.Next(damage.Length)];
                var places = quoted
                    ? Enumerable.Range(1, value.Length - 1).Where(i => i == 1 || i == value.Length - 1 || (value[i - 1] != '"' && value[i] != '"')).ToList()
                    : Enumerable.Range(0, value.Length + 1).ToList();
                var at = places[random.Next(places.Count)];
                value = [.. value[..at], .. bytes, .. value[at..]];
                damagedLines.Add(line);
            }
            else
            {
                expected[$"{row}"] = name;
            }

            byte[] record = [.. Encoding.UTF8.GetBytes($"{row},"), .. value, .. ",n\n"u8];
            file.AddRange(record);
            line += record.Count(b => b == '\n');
        }

        var path = folder.WriteBytes("contacts.csv", [.. file]);
        var (outcomes, malformed) = await DataFiles.ReadContactsAsync(path, DataMapping.None);

        Assert.Equal(damagedLines, malformed.Select(p => p.Line));
        Assert.All(malformed, p => Assert.StartsWith("column `first_name`: ", p.Message, StringComparison.Ordinal));
        var read = outcomes.Select(o => o.Value!).ToDictionary(c => c.Id, c => c.FirstName ?? "", StringComparer.Ordinal);
        Assert.Equal(expected, read);
    }

    /// <summary>
    /// The reader fills a buffer of a fixed size: a character whose bytes fall on both sides of its end must come back
    /// whole. Rows put a 2-, 3- and 4-byte character, split at every place, across the end of the first read and
    /// across the next multiples of the buffer size.
    /// </summary>
    [Fact]
    public async Task A_character_split_across_the_read_buffer_is_read_whole()
    {
        var buffer = CsvHelper.CsvReaderOptions.Default.BufferSize;
        string[] wide = ["ë", "€", "😀"];
        using var folder = new TempFolder();
        var file = new List<byte>("id,first_name\n"u8.ToArray());
        var expected = new List<string>();
        var row = 0;
        foreach (var character in wide)
        {
            var width = Encoding.UTF8.GetByteCount(character);
            for (var split = 1; split < width; split++)
            {
                // Pad with ASCII so that `split` bytes of the character come before a multiple of the buffer size.
                var boundary = ((file.Count / buffer) + 1) * buffer;
                var prefix = Encoding.UTF8.GetByteCount($"{++row},Zo");
                var pad = boundary - split - file.Count - prefix;
                var name = "Zo" + new string('x', pad) + character + " and Zoë";
                file.AddRange(Encoding.UTF8.GetBytes($"{row},{name}\n"));
                expected.Add(name);
                Assert.True(file[boundary] is >= 0x80 and < 0xC0, "the character straddles the boundary");
            }
        }

        var path = folder.WriteBytes("contacts.csv", [.. file]);
        var (outcomes, malformed) = await DataFiles.ReadContactsAsync(path, DataMapping.None);

        Assert.Empty(malformed);
        Assert.Equal(expected, outcomes.Select(o => o.Value!.FirstName));
    }

    /// <summary>
    /// Text of 1- to 4-byte characters with a literal U+FFFD (valid text), and in a quoted field the characters CSV
    /// quotes; no space at either end, which the mapping would trim.
    /// </summary>
    private static string RandomText(Random random, int length, bool quoted)
    {
        string[] plain = ["a", "Z", " ", "ë", "é", "ß", "€", "中", "😀", "🇳🇱", "\uFFFD", "x", "0"];
        string[] pieces = quoted ? [.. plain, "\"", ",", "\n"] : plain;
        var text = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            text.Append(pieces[random.Next(pieces.Length)]);
        }

        return text.ToString().Trim();
    }

    private static byte[] ContactsWith(byte[] flaw, bool quoted) =>
        [.. "id,email,first_name\n1,a@x.example,Zoë\n2,b@x.example,"u8, .. (quoted ? "\"Zo, "u8 : "Zo"u8), .. flaw, .. (quoted ? "\"\n"u8 : "\n"u8), .. "3,c@x.example,Cleo\n"u8];

    private static async Task<(int Code, string Stdout, string Stderr)> ImportAsync(string[] from, string into, bool strict)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ImportCommand.RunAsync(from, into, strict, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The store's contacts as id:first name; none when the import left no store behind.</summary>
    private static async Task<List<string>> StoredContactsAsync(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        await using var store = await ContactStore.OpenAsync(path);
        var contacts = new List<string>();
        await foreach (var contact in store.AsSource().ReadContactsAsync())
        {
            contacts.Add($"{contact.Id}:{contact.FirstName}");
        }

        return contacts;
    }
}
