using System.Security.Cryptography;

namespace CampaignDsl.Compiler.Tests;

/// <summary>The committed parser is generated from the committed grammar: grammar/generate.sh records the grammar's hash.</summary>
public sealed class GrammarHashTests
{
    [Fact]
    public void Generated_parser_matches_the_grammar()
    {
        // As generate.sh computes it: `cat CampaignLexer.g4 CampaignParser.g4 | tr -d '\r' | sha256sum`.
        byte[] grammar =
        [
            .. File.ReadAllBytes(RepositoryPaths.InRepo("grammar", "CampaignLexer.g4")),
            .. File.ReadAllBytes(RepositoryPaths.InRepo("grammar", "CampaignParser.g4")),
        ];
        var hash = Convert.ToHexStringLower(SHA256.HashData(grammar.Where(b => b != (byte)'\r').ToArray()));

        var recorded = File.ReadAllText(RepositoryPaths.InRepo("compiler", "CampaignDsl.Compiler", "Syntax", "Generated", "grammar.sha256")).Trim();

        Assert.True(hash == recorded,
            $"grammar/*.g4 hash to {hash}, but the generated parser was made from {recorded}: run grammar/generate.sh and commit the generated code");
    }
}
