namespace CampaignDsl.Compiler;

/// <summary>
/// Runs per-file work on a few threads with large stacks. The parser and the checks recurse over
/// the tree; a long chain such as `a and b and c and ...` in a large file would exhaust the default
/// 1 MB stack. The stack is reserved, not committed, so the size costs nothing until used.
/// </summary>
internal static class DeepStack
{
    private const int StackBytes = 256 * 1024 * 1024;

    public static TResult[] Map<TSource, TResult>(IReadOnlyList<TSource> items, Func<TSource, TResult> work)
    {
        var results = new TResult[items.Count];
        var workers = Math.Clamp(Math.Min(Environment.ProcessorCount, items.Count / 8), 1, 8);
        var next = -1;
        Exception? failure = null;

        void Run()
        {
            try
            {
                int index;
                while ((index = Interlocked.Increment(ref next)) < items.Count)
                {
                    results[index] = work(items[index]);
                }
            }
            catch (Exception e) when (Interlocked.CompareExchange(ref failure, e, null) is null)
            {
            }
        }

        var threads = Enumerable.Range(0, workers).Select(_ => new Thread(Run, StackBytes) { IsBackground = true }).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        if (failure is not null)
        {
            throw new InvalidOperationException("the compiler failed on an internal error", failure);
        }

        return results;
    }
}
