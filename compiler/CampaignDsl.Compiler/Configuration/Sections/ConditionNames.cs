using System.Text.RegularExpressions;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Syntax;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>
/// Whether a name declared in campaignc.yaml can be written in a campaign's conditions. The shape is
/// checked here; whether a word is reserved is asked of the parser itself, so the answer stays right
/// as the language gains keywords (some keywords, such as <c>goal</c>, still work as names, and
/// <c>true</c> is a value, not a name).
/// </summary>
internal static partial class ConditionNames
{
    public enum Verdict
    {
        Usable,
        Malformed,
        Keyword,
    }

    public static Verdict CheckAttribute(string name) =>
        !SimpleName().IsMatch(name) ? Verdict.Malformed : ReadsAsName(name) ? Verdict.Usable : Verdict.Keyword;

    public static Verdict CheckEventType(string name) =>
        !DottedName().IsMatch(name) ? Verdict.Malformed : ReadsAsName(name) ? Verdict.Usable : Verdict.Keyword;

    private static bool ReadsAsName(string name)
    {
        var tree = SyntaxTree.Parse(new SourceText("campaignc.yaml", $"campaign c {{ audience {{ where {name} }} }}"));
        var where = tree.Root?.Campaigns.FirstOrDefault()?.Audiences.FirstOrDefault()?.Where;
        return tree.Diagnostics.IsEmpty && where is NameReference reference && reference.Parts.Length == name.Split('.').Length;
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex SimpleName();

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$")]
    private static partial Regex DottedName();
}
