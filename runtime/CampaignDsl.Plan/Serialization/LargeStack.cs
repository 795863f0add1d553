namespace CampaignDsl.Plan;

/// <summary>
/// Runs work on a thread with a large stack. Writing and reading a plan recurse over its expression
/// trees, and a long arithmetic chain in a campaign makes a deep tree; the default 1 MB stack would
/// overflow, which no catch can handle. The stack is reserved, not committed, so it costs nothing until used.
/// </summary>
internal static class LargeStack
{
    private const int StackBytes = 256 * 1024 * 1024;

    /// <summary>How deep a plan may nest; far beyond anything a campaign needs, well inside <see cref="StackBytes"/>.</summary>
    public const int MaxDepth = 20_000;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = e;
            }
        }, StackBytes) { IsBackground = true };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        return result;
    }
}
