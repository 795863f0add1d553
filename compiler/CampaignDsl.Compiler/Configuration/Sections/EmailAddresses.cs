namespace CampaignDsl.Compiler.Configuration.Sections;

/// <summary>
/// The same test campaign files apply to <c>from</c> and <c>reply_to</c>: an address somewhere in
/// the text (bare, or in <c>Name &lt;address&gt;</c>) and no control characters. Whether a mailbox
/// exists is for the sender to find out.
/// </summary>
internal static class EmailAddresses
{
    public static bool LooksLikeAddress(string text)
    {
        if (text.Any(char.IsControl))
        {
            return false;
        }

        var open = text.LastIndexOf('<');
        var address = open >= 0 && text.EndsWith('>') ? text[(open + 1)..^1] : text;
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at < address.Length - 1 && !address.Any(char.IsWhiteSpace);
    }
}
