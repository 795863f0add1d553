namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// How big an SMS is: its encoding, its <see cref="Length"/> in what the limits count (GSM-7 septets,
/// extension characters counting 2; or UCS-2 code units), its characters, and the segments it is sent in.
/// </summary>
public sealed record SmsSize(SmsEncoding Encoding, int Length, int Characters, int Segments)
{
    /// <summary>What fits one segment: 160 GSM-7 septets, or 70 UCS-2 code units.</summary>
    public int SingleSegmentLimit => SmsLength.SingleSegmentLimit(Encoding);

    public bool FitsOneSegment => Segments <= 1;
}
