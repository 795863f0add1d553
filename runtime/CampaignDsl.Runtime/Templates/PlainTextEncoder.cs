using System.Text;
using HandlebarsDotNet;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// The "encoder" of plain-text Handlebars: writes every value as it is. Plain text has no markup to protect, and an
/// entity there is a visible defect (<c>Hello Conan O&amp;#x27;Brien</c> in a subject line).
/// </summary>
public sealed class PlainTextEncoder : ITextEncoder
{
    public void Encode(StringBuilder? text, TextWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (text is not null)
        {
            foreach (var chunk in text.GetChunks())
            {
                target.Write(chunk.Span);
            }
        }
    }

    public void Encode(string? text, TextWriter target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Write(text);
    }

    public void Encode<T>(T? text, TextWriter target)
        where T : IEnumerator<char>
    {
        ArgumentNullException.ThrowIfNull(target);
        if (text is null)
        {
            return;
        }

        while (text.MoveNext())
        {
            target.Write(text.Current);
        }
    }
}
