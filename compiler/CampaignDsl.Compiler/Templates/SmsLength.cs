namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// Measures an SMS text: GSM-7 when every character is in the GSM alphabet, else UCS-2; one segment
/// holds 160 septets or 70 code units, and a longer message is split into segments of 153 septets or
/// 67 code units (the rest of each carries the concatenation header). An extension character's two
/// septets, and a surrogate pair's two code units, are never split across segments.
/// </summary>
public static class SmsLength
{
    public const int Gsm7SingleSegment = 160;
    public const int Gsm7PerSegment = 153;
    public const int Ucs2SingleSegment = 70;
    public const int Ucs2PerSegment = 67;

    public static int SingleSegmentLimit(SmsEncoding encoding) => encoding == SmsEncoding.Gsm7 ? Gsm7SingleSegment : Ucs2SingleSegment;

    public static SmsSize Measure(string text)
    {
        var encoding = Gsm7Alphabet.CanEncode(text) ? SmsEncoding.Gsm7 : SmsEncoding.Ucs2;
        var units = Units(text, encoding).ToList();
        var length = units.Sum();
        var characters = text.EnumerateRunes().Count();
        if (length == 0)
        {
            return new SmsSize(encoding, 0, 0, 0);
        }

        if (length <= SingleSegmentLimit(encoding))
        {
            return new SmsSize(encoding, length, characters, 1);
        }

        var perSegment = encoding == SmsEncoding.Gsm7 ? Gsm7PerSegment : Ucs2PerSegment;
        var segments = 1;
        var filled = 0;
        foreach (var unit in units)
        {
            if (filled + unit > perSegment)
            {
                segments++;
                filled = 0;
            }

            filled += unit;
        }

        return new SmsSize(encoding, length, characters, segments);
    }

    /// <summary>What each character (or surrogate pair, in UCS-2) takes, in order.</summary>
    private static IEnumerable<int> Units(string text, SmsEncoding encoding) =>
        encoding == SmsEncoding.Gsm7
            ? text.Select(c => Gsm7Alphabet.Septets(c) ?? 1)
            : text.EnumerateRunes().Select(r => r.Utf16SequenceLength);
}
