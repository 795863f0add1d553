using System.Text;
using HandlebarsDotNet;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// HTML escaping exactly as handlebars.js 4.x does it (<c>Utils.escapeExpression</c>): the seven
/// characters <c>&amp; &lt; &gt; " ' ` =</c> become entities, everything else (non-ASCII text included)
/// is written as is. Handlebars.Net's <see cref="HtmlEncoderLegacy"/> instead encodes non-ASCII
/// characters and leaves <c>' ` =</c> alone, so the output would differ from the templates' own
/// previews; this encoder keeps the runtime's output byte for byte the same as handlebars.js.
/// </summary>
public sealed class HandlebarsJsEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target)
    {
        if (text is null)
        {
            return;
        }

        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                Write(c, target);
            }
        }
    }

    public void Encode(string? text, TextWriter target)
    {
        if (text is null)
        {
            return;
        }

        foreach (var c in text)
        {
            Write(c, target);
        }
    }

    public void Encode<T>(T? text, TextWriter target)
        where T : IEnumerator<char>
    {
        if (text is null)
        {
            return;
        }

        while (text.MoveNext())
        {
            Write(text.Current, target);
        }
    }

    /// <summary>The same escaping on a string, for tests and for text built outside a template.</summary>
    public static string Escape(string text)
    {
        using var writer = new StringWriter();
        new HandlebarsJsEncoder().Encode(text, writer);
        return writer.ToString();
    }

    private static void Write(char c, TextWriter target)
    {
        switch (c)
        {
            case '&': target.Write("&amp;"); break;
            case '<': target.Write("&lt;"); break;
            case '>': target.Write("&gt;"); break;
            case '"': target.Write("&quot;"); break;
            case '\'': target.Write("&#x27;"); break;
            case '`': target.Write("&#x60;"); break;
            case '=': target.Write("&#x3D;"); break;
            default: target.Write(c); break;
        }
    }
}
