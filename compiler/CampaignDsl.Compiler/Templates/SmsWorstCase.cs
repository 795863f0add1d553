using System.Collections.Immutable;
using System.Text;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// The longest an SMS template can render: its text with every variable replaced by as many
/// characters as the variable may print, taking the longer part of every <c>#if</c>/<c>else</c>.
/// Substitutes are GSM-7 letters, so a name with letters outside GSM-7 (which switches the whole
/// message to UCS-2) is not foreseen. What has no bound (a variable without a maximum, a helper's
/// output, a loop, a partial) counts as empty and is listed in <see cref="SmsEstimate.Unbounded"/>.
/// Names the catalogue does not know count as empty and are not listed: they are reported as unknown.
/// </summary>
public static class SmsWorstCase
{
    private const char Substitute = 'x';

    public static SmsEstimate Estimate(TemplateAnalysis analysis, TemplateVariableCatalog catalogue)
    {
        var unbounded = new List<UnboundedValue>();
        var text = Render(analysis.Nodes, catalogue, unbounded, scoped: false);
        return new SmsEstimate(text, SmsLength.Measure(text), [.. unbounded]);
    }

    private static string Render(IEnumerable<TemplateNode> nodes, TemplateVariableCatalog catalogue, List<UnboundedValue> unbounded, bool scoped)
    {
        var output = new StringBuilder();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    output.Append(text.Text);
                    break;
                case RawBlockNode raw:
                    output.Append(raw.Content);
                    break;
                case OutputNode value:
                    output.Append(RenderValue(value, catalogue, unbounded, scoped));
                    break;
                case PartialNode partial:
                    unbounded.Add(new UnboundedValue(partial.Span, partial.Name ?? "partial", UnboundedReason.Partial));
                    break;
                case BlockNode block:
                    output.Append(RenderBlock(block, catalogue, unbounded, scoped));
                    break;
            }
        }

        return output.ToString();
    }

    private static string RenderValue(OutputNode value, TemplateVariableCatalog catalogue, List<UnboundedValue> unbounded, bool scoped)
    {
        var expression = value.Expression;
        if (expression.IsHelperCall)
        {
            unbounded.Add(new UnboundedValue(value.Span, expression.HeadName ?? "helper", UnboundedReason.Helper));
            return "";
        }

        switch (expression.Head)
        {
            case TemplateLiteral literal:
                return literal.Text;
            case TemplatePath path when path.IsContextual || (scoped && !path.IsRootData) || path.Parts.IsEmpty:
                // Inside a loop: the loop itself is reported.
                if (!scoped)
                {
                    unbounded.Add(new UnboundedValue(path.Span, path.Written, UnboundedReason.Variable));
                }

                return "";
            case TemplatePath path:
                if (catalogue.Find(path.RootName) is not { } variable)
                {
                    return "";
                }

                if (variable.MaxLength is not { } max || variable.IsObject)
                {
                    unbounded.Add(new UnboundedValue(path.Span, path.RootName, UnboundedReason.Variable));
                    return "";
                }

                return new string(Substitute, max);
            default:
                return "";
        }
    }

    private static string RenderBlock(BlockNode block, TemplateVariableCatalog catalogue, List<UnboundedValue> unbounded, bool scoped)
    {
        var loops = block.Kind is BlockKind.Each or BlockKind.Section or BlockKind.Helper or BlockKind.PartialBlock or BlockKind.Decorator;
        if (loops && !scoped)
        {
            var reason = block.Kind is BlockKind.PartialBlock ? UnboundedReason.Partial
                : block.Kind is BlockKind.Helper or BlockKind.Decorator ? UnboundedReason.Helper
                : UnboundedReason.Loop;
            unbounded.Add(new UnboundedValue(block.OpenTag, block.Name, reason));
        }

        var programScoped = scoped || block.Kind is BlockKind.Each or BlockKind.With or BlockKind.Section or BlockKind.Helper or BlockKind.Decorator or BlockKind.PartialBlock;
        var program = Render(block.Program.Children, catalogue, unbounded, programScoped);
        var inverse = block.Inverse is { } branch ? Render(branch.Children, catalogue, unbounded, scoped) : "";
        return Longer(program, inverse);
    }

    /// <summary>The text that makes the longer message: more segments first, then UCS-2 over GSM-7, then more units.</summary>
    private static string Longer(string a, string b)
    {
        var (x, y) = (SmsLength.Measure(a), SmsLength.Measure(b));
        return (x.Segments, x.Encoding, x.Length).CompareTo((y.Segments, y.Encoding, y.Length)) >= 0 ? a : b;
    }
}

/// <summary>The longest text an SMS template renders, its size, and what could not be bounded.</summary>
public sealed record SmsEstimate(string Text, SmsSize Size, ImmutableArray<UnboundedValue> Unbounded);

/// <summary>Something in an SMS template whose printed length has no bound.</summary>
public sealed record UnboundedValue(TextSpan Span, string Name, UnboundedReason Reason);

public enum UnboundedReason
{
    /// <summary>A variable with no maximum length.</summary>
    Variable,

    /// <summary>A helper, whose output length is its own.</summary>
    Helper,

    /// <summary>A loop (<c>#each</c>, or a section that may repeat).</summary>
    Loop,

    /// <summary>A partial, whose text is elsewhere.</summary>
    Partial,
}
