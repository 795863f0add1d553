using System.Text;
using static CampaignDsl.Compiler.Tests.Configuration.ConfigurationFiles;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary>No input makes the loader throw, and every diagnostic points inside the file.</summary>
public sealed class ConfigurationRobustnessTests
{
    private const string Sample = """
        version: 1
        lint:
          rules:
            discount-above-maximum: { level: error, max: 40% }
            allowed-channels: { channels: [email, "sms"] }
        defaults:
          timezone: Europe/Amsterdam
          send_window: "09:00-20:00"
          from: 'Anna <anna@shop.example>'
        templates:
          folders:
            - templates
            - shared/templates
        contacts:
          attributes: &attrs
            style: text
            vip: yes/no
        events:
          style.click: { fields: { style: text } }
        runtime:
          data:
            kind: csv
            contacts: data/contacts.csv
            mapping: { contacts: { id: customer_id } }
          sender: { kind: smtp, host: smtp.shop.example, port: 587 }
        # the end
        """;

    [Fact]
    public void Every_prefix_of_a_valid_file_loads_without_throwing()
    {
        for (var length = 0; length <= Sample.Length; length++)
        {
            AssertLoads(Encoding.UTF8.GetBytes(Sample[..length]));
        }
    }

    [Fact]
    public void Mutated_files_load_without_throwing()
    {
        var random = new Random(20260701);
        byte[] alphabet = [.. "{}[]:,-#&*!|>'\"\t\n ?%@`~.\\"u8, 0xC3, 0xFF];
        var original = Encoding.UTF8.GetBytes(Sample);
        for (var run = 0; run < 2000; run++)
        {
            var bytes = (byte[])original.Clone();
            for (var edits = random.Next(1, 4); edits > 0; edits--)
            {
                bytes[random.Next(bytes.Length)] = alphabet[random.Next(alphabet.Length)];
            }

            AssertLoads(bytes);
        }
    }

    private static void AssertLoads(byte[] bytes)
    {
        var loaded = LoadBytes(bytes);
        foreach (var diagnostic in loaded.Diagnostics)
        {
            var span = diagnostic.Location.Span;
            Assert.True(span.Start >= 0 && span.End <= diagnostic.Location.Source.Text.Length, $"{diagnostic} lies outside the file");
            Assert.StartsWith("CDSL007", diagnostic.Code, StringComparison.Ordinal);
        }
    }
}
