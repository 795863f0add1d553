using System.Collections.Frozen;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// The GSM 03.38 alphabet (3GPP TS 23.038): the basic table, one septet per character, and the
/// extension table, whose characters take an escape septet first and so count twice.
/// </summary>
public static class Gsm7Alphabet
{
    // The basic table in code order, without 0x1B (the escape to the extension table).
    private const string Basic =
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

    private const string Extension = "\f^{}\\[~]|€";

    private static readonly FrozenSet<char> BasicSet = Basic.ToFrozenSet();
    private static readonly FrozenSet<char> ExtensionSet = Extension.ToFrozenSet();

    public static int BasicCount => Basic.Length;

    public static IEnumerable<char> ExtensionCharacters => Extension;

    /// <summary>Septets the character takes in GSM-7: 1 (basic), 2 (extension), or null when GSM-7 cannot encode it.</summary>
    public static int? Septets(char c) => BasicSet.Contains(c) ? 1 : ExtensionSet.Contains(c) ? 2 : null;

    public static bool CanEncode(string text) => text.All(c => Septets(c) is not null);
}
