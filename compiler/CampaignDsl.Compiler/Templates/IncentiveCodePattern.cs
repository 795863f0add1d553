namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// The length of the codes an incentive's <c>code "WB-{code:6}"</c> pattern makes: its literal
/// characters plus the width of each <c>{name:width}</c> slot. A slot without a width has no bound.
/// </summary>
public static class IncentiveCodePattern
{
    public static int? MaxLength(string pattern)
    {
        var length = 0;
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] != '{')
            {
                length++;
                i++;
                continue;
            }

            var close = pattern.IndexOf('}', i);
            if (close < 0)
            {
                return length + pattern.Length - i;
            }

            var slot = pattern[(i + 1)..close];
            var colon = slot.LastIndexOf(':');
            if (colon < 0 || !int.TryParse(slot.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var width))
            {
                return null;
            }

            length += width;
            i = close + 1;
        }

        return length;
    }
}
