using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>Where a diagnostic points: a file and a span in it, with line and column resolved.</summary>
public sealed record SourceLocation(SourceText Source, TextSpan Span)
{
    public string Path => Source.Path;

    public LinePosition Start => Source.GetPosition(Span.Start);

    public LinePosition End => Source.GetPosition(Span.End);
}
