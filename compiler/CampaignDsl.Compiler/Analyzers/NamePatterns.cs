using System.Text.RegularExpressions;

namespace CampaignDsl.Compiler.Analyzers;

/// <summary>Name patterns in rule options, where <c>*</c> stands for any run of characters: <c>last_chance*</c>, <c>*survey*</c>.</summary>
internal static class NamePatterns
{
    public static bool MatchesAny(IEnumerable<string> patterns, string name) => patterns.Any(p => Matches(p, name));

    public static bool Matches(string pattern, string name) =>
        Regex.IsMatch(name, "^" + string.Join(".*", pattern.Split('*').Select(Regex.Escape)) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
}
