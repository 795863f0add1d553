using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Simulation;

/// <summary>
/// Plays contacts through the scheduler on every core while the data source is read on its own thread, and hands the
/// timelines back in the order the contacts were read, so a run's output is the same as one played contact by contact.
/// Contacts go in batches (one task each, not one per contact); only a few batches are in flight at once, so memory
/// stays flat however many contacts there are. Each contact's run is independent (the scheduler keeps no state between
/// contacts), which is what makes this safe.
/// </summary>
public static class ScheduledBatches
{
    private const int BatchSize = 256;

    private static readonly int InFlight = Math.Max(4, 2 * Environment.ProcessorCount);

    public static async IAsyncEnumerable<(ContactHistory History, IReadOnlyList<TimelineEntry> Timeline)> RunAsync(
        IAsyncEnumerable<ContactHistory> histories, Func<ContactHistory, IReadOnlyList<TimelineEntry>> run,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(InFlight) { SingleReader = true, SingleWriter = true });
        var reading = Task.Run(() => ReadAsync(histories, run, batches.Writer, stop.Token), CancellationToken.None);
        try
        {
            // A failure to read (a broken store) completes the channel with that exception, which surfaces here as it was thrown.
            while (await batches.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (batches.Reader.TryRead(out var batch))
                {
                    await batch.Scheduled.ConfigureAwait(false);
                    for (var i = 0; i < batch.Histories.Count; i++)
                    {
                        yield return (batch.Histories[i], batch.Timelines[i]);
                    }
                }
            }
        }
        finally
        {
            // Stopped early (the caller failed or gave up): the reader must be done with the source before it is closed.
            await stop.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
        }
    }

    private static async Task ReadAsync(
        IAsyncEnumerable<ContactHistory> histories, Func<ContactHistory, IReadOnlyList<TimelineEntry>> run, ChannelWriter<Batch> batches, CancellationToken cancellationToken)
    {
        try
        {
            var pending = new List<ContactHistory>(BatchSize);
            await foreach (var history in histories.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                pending.Add(history);
                if (pending.Count == BatchSize)
                {
                    await batches.WriteAsync(Batch.Start(pending, run), cancellationToken).ConfigureAwait(false);
                    pending = new List<ContactHistory>(BatchSize);
                }
            }

            if (pending.Count > 0)
            {
                await batches.WriteAsync(Batch.Start(pending, run), cancellationToken).ConfigureAwait(false);
            }

            batches.Complete();
        }
        catch (Exception e)
        {
            batches.Complete(e);
        }
    }

    /// <summary>Contacts read together and their timelines, filled in by a task of their own.</summary>
    private sealed class Batch(List<ContactHistory> histories)
    {
        public List<ContactHistory> Histories { get; } = histories;

        public IReadOnlyList<TimelineEntry>[] Timelines { get; } = new IReadOnlyList<TimelineEntry>[histories.Count];

        public Task Scheduled { get; private set; } = Task.CompletedTask;

        public static Batch Start(List<ContactHistory> histories, Func<ContactHistory, IReadOnlyList<TimelineEntry>> run)
        {
            var batch = new Batch(histories);
            batch.Scheduled = Task.Run(() =>
            {
                for (var i = 0; i < batch.Histories.Count; i++)
                {
                    batch.Timelines[i] = run(batch.Histories[i]);
                }
            });
            return batch;
        }
    }
}
