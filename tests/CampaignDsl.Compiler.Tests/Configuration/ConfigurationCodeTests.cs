using System.Text;
using CampaignDsl.Compiler.Diagnostics;
using static CampaignDsl.Compiler.Tests.Configuration.ConfigurationFiles;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary>
/// The configuration's codes stand in for baselines (which compile campaigns): every code of the
/// CDSL0070-CDSL0079 range the catalog declares is produced by one of these files, at the line given.
/// </summary>
public sealed class ConfigurationCodeTests
{
    private static readonly (string Code, int Line, byte[] File)[] Samples =
    [
        ("CDSL0070", 1, [.. "version: 1 \u00e9"u8[..^1], (byte)'\n']),
        ("CDSL0071", 2, Bytes("version: 1\n\tlint: {}\n")),
        ("CDSL0072", 1, Bytes("")),
        ("CDSL0073", 1, Bytes("version: 3\n")),
        ("CDSL0074", 2, Bytes("version: 1\nlnt: {}\n")),
        ("CDSL0075", 2, Bytes("version: 1\nversion: 1\n")),
        ("CDSL0076", 2, Bytes("version: 1\ncontacts: [style]\n")),
        ("CDSL0077", 3, Bytes("version: 1\ndefaults:\n  send_window: always\n")),
        ("CDSL0078", 3, Bytes("version: 1\nruntime:\n  data: { contacts: c.csv }\n")),
        ("CDSL0079", 3, Bytes("lint:\n  rules:\n    no-such-rule: error\n")),
    ];

    public static TheoryData<string> Codes => [.. Samples.Select(s => s.Code)];

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_code_is_produced_at_its_line(string code)
    {
        var (_, line, file) = Samples.Single(s => s.Code == code);

        var diagnostic = Single(LoadBytes(file));

        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(line, diagnostic.Location.Start.Line);
        Assert.Equal(DiagnosticCatalog.All.Single(d => d.Code == code).DefaultSeverity, diagnostic.Severity);
    }

    [Fact]
    public void Every_configuration_code_has_a_sample()
    {
        var declared = DiagnosticCatalog.All.Select(d => d.Code).Where(c => string.CompareOrdinal(c, "CDSL0070") >= 0 && string.CompareOrdinal(c, "CDSL0079") <= 0);

        Assert.Equal(declared.Order(StringComparer.Ordinal), Samples.Select(s => s.Code).Order(StringComparer.Ordinal));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
