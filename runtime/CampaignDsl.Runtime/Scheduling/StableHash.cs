using System.Text;

namespace CampaignDsl.Runtime.Scheduling;

/// <summary>
/// A hash that never changes between runs, machines or .NET versions (unlike <see cref="string.GetHashCode()"/>):
/// FNV-1a over the UTF-8 parts, separated by a zero byte, then a SplitMix64 finaliser so that nearby inputs spread evenly.
/// Holdout, A/B subjects and placement inside a timing window all hang on it, so a rerun gives the same timeline.
/// </summary>
public static class StableHash
{
    public static ulong Of(params ReadOnlySpan<string> parts)
    {
        // UTF-8 into a stack buffer (a part too long for it into a rented one): no allocation per part, the same bytes as GetBytes.
        Span<byte> stack = stackalloc byte[256];
        var hash = 14695981039346656037UL;
        foreach (var part in parts)
        {
            var rented = part.Length * 3 > stack.Length ? System.Buffers.ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(part.Length)) : null;
            var buffer = rented ?? stack;
            var length = Encoding.UTF8.GetBytes(part, buffer);
            foreach (var b in buffer[..length])
            {
                hash = (hash ^ b) * 1099511628211UL;
            }

            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }

            hash = (hash ^ 0) * 1099511628211UL;
        }

        hash ^= hash >> 30;
        hash *= 0xBF58476D1CE4E5B9UL;
        hash ^= hash >> 27;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 31;
        return hash;
    }

    /// <summary>A point in [0, 100) with four decimals of resolution, for percentages.</summary>
    public static decimal Percentile(params ReadOnlySpan<string> parts) => (Of(parts) % 1_000_000UL) / 10_000m;
}
