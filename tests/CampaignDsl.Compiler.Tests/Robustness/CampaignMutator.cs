using System.Text;
using System.Text.RegularExpressions;

namespace CampaignDsl.Compiler.Tests.Robustness;

/// <summary>One mutated input: the bytes given to the compiler and the steps that made it, for the failure message.</summary>
internal sealed record Mutant(byte[] Bytes, IReadOnlyList<string> Steps);

/// <summary>
/// Breaks a valid campaign in the ways people and tools break files: tokens deleted, doubled,
/// swapped, inserted or replaced; random bytes (NUL, invalid UTF-8) spliced in; the file cut off.
/// Tokens come from a regular expression that follows the lexer's rules closely enough; the
/// inserted words are the grammar's own vocabulary, read from grammar/CampaignLexer.g4.
/// </summary>
internal sealed partial class CampaignMutator
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    // Literals the lexer's non-literal tokens stand for, and names the binder gives meaning to.
    private static readonly string[] Samples =
    [
        "\"x\"", "\"templates/a.hbs\"", "\"unterminated", "\"bad \\q escape\"", "\"\"", "5d", "0d", "72h", "30m", "2w",
        "10%", "0.5", "1", "0", "365", "99999999999999999999999999999999", "9999999999d", "x", "email", "sms", "purchase",
        "purchase.amount", "email.open", "subscribed", "days_since", "count", "sum", "entry", "type", "owner", "tags",
        "timezone", "reengagement", "// comment", "/* block */", "/* open", "# hash", "@", ";", "\t", "\n", "\r\n", " ",
    ];

    private readonly string[] _vocabulary;

    public CampaignMutator(string lexerGrammar)
    {
        var literals = GrammarLiteral().Matches(lexerGrammar).Select(m => m.Groups["text"].Value);
        _vocabulary = [.. literals.Distinct(StringComparer.Ordinal), .. Samples];
    }

    /// <summary>The literal tokens found in the grammar (`campaign`, `{`, `..`, ...).</summary>
    public IReadOnlyList<string> Vocabulary => _vocabulary;

    public static List<string> Tokenize(string text) => [.. Token().Matches(text).Select(m => m.Value)];

    /// <summary>Applies one to three random mutations to <paramref name="original"/>, now and then up to twelve.</summary>
    public Mutant Mutate(string original, Random random)
    {
        var tokens = Tokenize(original);
        var steps = new List<string>();
        byte[]? bytes = null;
        var count = random.Next(10) == 0 ? random.Next(4, 13) : random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            // Mostly token edits, which reach the parser and the checks; a file with bad bytes stops at decoding.
            var kind = random.Next(20);
            if (bytes is null && kind < 17)
            {
                steps.Add(MutateTokens(tokens, random, kind % 5));
                continue;
            }

            bytes ??= Utf8.GetBytes(string.Concat(tokens));
            (bytes, var step) = kind % 2 == 0 ? InsertBytes(bytes, random) : Truncate(bytes, random);
            steps.Add(step);
        }

        return new Mutant(bytes ?? Utf8.GetBytes(string.Concat(tokens)), steps);
    }

    private string MutateTokens(List<string> tokens, Random random, int kind)
    {
        if (tokens.Count == 0)
        {
            tokens.Add(Pick(random));
            return "insert into an empty file";
        }

        var at = SignificantIndex(tokens, random);
        switch (kind)
        {
            case 0:
                var deleted = tokens[at];
                tokens.RemoveAt(at);
                return $"delete token {at} {Show(deleted)}";
            case 1:
                tokens.Insert(at, tokens[at]);
                return $"duplicate token {at} {Show(tokens[at])}";
            case 2:
                var other = SignificantIndex(tokens, random);
                (tokens[at], tokens[other]) = (tokens[other], tokens[at]);
                return $"swap tokens {at} {Show(tokens[other])} and {other} {Show(tokens[at])}";
            case 3:
                var inserted = Pick(random);
                tokens.Insert(at, random.Next(3) == 0 ? inserted : " " + inserted + " ");
                return $"insert {Show(inserted)} before token {at}";
            default:
                var replacement = Pick(random);
                var replaced = tokens[at];
                tokens[at] = replacement;
                return $"replace token {at} {Show(replaced)} with {Show(replacement)}";
        }
    }

    private static (byte[], string) InsertBytes(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        var junk = random.Next(4) switch
        {
            0 => [0x00],
            1 => [0xC3, 0x28],                    // invalid continuation byte
            2 => [0xF0, 0x9F, 0x98],              // a four-byte sequence cut short
            _ => RandomBytes(random),
        };
        return ([.. bytes.AsSpan(0, at), .. junk, .. bytes.AsSpan(at)], $"insert bytes {Convert.ToHexString(junk)} at byte {at}");
    }

    private static byte[] RandomBytes(Random random)
    {
        var junk = new byte[random.Next(1, 9)];
        random.NextBytes(junk);
        return junk;
    }

    private static (byte[], string) Truncate(byte[] bytes, Random random)
    {
        var at = random.Next(bytes.Length + 1);
        return (bytes[..at], $"truncate at byte {at} of {bytes.Length}");
    }

    // Mostly a token that means something; sometimes whitespace or a comment, which matter less.
    private static int SignificantIndex(List<string> tokens, Random random)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var index = random.Next(tokens.Count);
            if (!string.IsNullOrWhiteSpace(tokens[index]))
            {
                return index;
            }
        }

        return random.Next(tokens.Count);
    }

    private string Pick(Random random) => _vocabulary[random.Next(_vocabulary.Length)];

    private static string Show(string token) => "`" + token.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "`";

    // `NAME : 'literal' ;` in the lexer grammar.
    [GeneratedRegex(@"^\s*[A-Z_]+\s*:\s*'(?<text>(?:[^'\\]|\\.)+)'\s*;", RegexOptions.Multiline)]
    private static partial Regex GrammarLiteral();

    // Strings (closed or not), comments, line breaks, blanks, numbers with their units, names,
    // two-character operators, then any single character.
    [GeneratedRegex("""
        "(?:\\.|[^"\\\r\n])*"?|//[^\r\n]*|\#[^\r\n]*|/\*[\s\S]*?(?:\*/|$)|\r\n|[\r\n]|[ \t\f\u00A0\uFEFF]+|\d+(?:\.\d+)?[mhdw%]?|[A-Za-z_]\w*|\.\.|[=!<>]=|.
        """, RegexOptions.Singleline)]
    private static partial Regex Token();
}
