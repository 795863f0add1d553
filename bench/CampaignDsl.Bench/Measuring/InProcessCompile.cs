using System.Diagnostics;
using CampaignDsl.Compiler;

namespace CampaignDsl.Bench.Measuring;

/// <summary>The compiler alone: <see cref="CampaignCompilation.Compile(IReadOnlyList{ValueTuple{string, byte[]}})"/> over files already in memory.</summary>
internal sealed record InProcessCompile(int FileCount, double FirstMs, Samples WarmMs, double AllocatedMbPerCompile, CampaignCompilation First)
{
    /// <summary>The first call (JIT, parser tables, caches all cold) is reported apart; then <paramref name="rounds"/> warm calls.</summary>
    public static InProcessCompile Measure(IReadOnlyList<(string Path, byte[] Content)> files, int rounds)
    {
        var started = Stopwatch.GetTimestamp();
        var first = CampaignCompilation.Compile(files);
        var firstMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var warm = new Samples();
        long allocated = 0;
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            started = Stopwatch.GetTimestamp();
            CampaignCompilation.Compile(files);
            warm.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            allocated += GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        return new InProcessCompile(files.Count, firstMs, warm, allocated / (double)rounds / (1024 * 1024), first);
    }

    public double FilesPerSecond => FileCount / (WarmMs.Median / 1000);
}
