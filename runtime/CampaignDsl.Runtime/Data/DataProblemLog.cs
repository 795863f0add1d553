using System.Collections.Concurrent;

namespace CampaignDsl.Runtime.Data;

/// <summary>
/// Collects the problems of a read: all are counted, the first <see cref="Capacity"/> are kept to be
/// shown (a file with a million bad rows must not fill memory with messages).
/// </summary>
public sealed class DataProblemLog(int capacity = 1000)
{
    private readonly ConcurrentQueue<DataProblem> _kept = new();
    private long _count;

    public int Capacity { get; } = capacity;

    public long Count => Interlocked.Read(ref _count);

    public IReadOnlyList<DataProblem> Kept => [.. _kept];

    public void Report(DataProblem problem)
    {
        if (Interlocked.Increment(ref _count) <= Capacity)
        {
            _kept.Enqueue(problem);
        }
    }
}
