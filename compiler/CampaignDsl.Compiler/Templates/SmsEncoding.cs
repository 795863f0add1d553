namespace CampaignDsl.Compiler.Templates;

/// <summary>How an SMS is encoded: GSM-7 when every character is in the GSM 03.38 alphabet, UCS-2 otherwise.</summary>
public enum SmsEncoding
{
    /// <summary>7-bit GSM 03.38: 160 septets in one segment, 153 per segment when concatenated.</summary>
    Gsm7,

    /// <summary>UCS-2 (UTF-16): 70 code units in one segment, 67 per segment when concatenated.</summary>
    Ucs2,
}
