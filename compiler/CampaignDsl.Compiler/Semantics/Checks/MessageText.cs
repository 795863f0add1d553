using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Templates;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// A Handlebars text a message is made of, and where its spans are in the source: a template file
/// (spans are its own), or a quoted text in the campaign file (a subject, a preheader, an inline
/// body), whose spans are offset into the campaign file. When the quoted text has escapes its value
/// and its source differ in length, and locations fall back to the whole quoted text.
/// </summary>
internal sealed record MessageText(TemplateAnalysis Analysis, SourceText Owner, int Offset, bool Exact, TextSpan Whole)
{
    public static MessageText FromTemplate(TemplateAnalysis analysis) =>
        new(analysis, analysis.Source, 0, true, new TextSpan(0, 0));

    public static MessageText FromLiteral(SourceText campaign, StringLiteral literal)
    {
        var raw = literal.Span.Length >= 2 ? campaign.Text.Substring(literal.Span.Start + 1, literal.Span.Length - 2) : "";
        return new(TemplateAnalyzer.AnalyzeText(campaign.Path, literal.Value), campaign, literal.Span.Start + 1, raw == literal.Value, literal.Span);
    }

    public SourceLocation At(TextSpan span) =>
        new(Owner, Exact ? new TextSpan(Offset + span.Start, span.Length) : Whole);
}
