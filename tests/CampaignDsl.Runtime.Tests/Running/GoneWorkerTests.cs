using System.Diagnostics;
using CampaignDsl.Runtime.Running;

namespace CampaignDsl.Runtime.Tests.Running;

/// <summary>A default worker name (<c>host:pid:nonce</c>, or <c>host:pid</c>) of this machine whose process has ended is gone; anything else may be alive.</summary>
public sealed class GoneWorkerTests
{
    [Fact]
    public void A_local_worker_whose_process_ended_is_gone_and_a_running_one_is_not()
    {
        using var child = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        child.WaitForExit();
        var ended = $"{Environment.MachineName}:{child.Id}";

        Assert.True(RunSettings.IsGoneLocalWorker(ended));
        Assert.True(RunSettings.IsGoneLocalWorker(ended + ":a1b2c3"));
        Assert.False(RunSettings.IsGoneLocalWorker(RunSettings.DefaultWorker()));
    }

    [Fact]
    public void Two_processes_with_the_same_host_and_process_id_get_different_default_names()
    {
        // Containers sharing a host name each run as PID 1: the nonce keeps one from taking the other's claims for its own.
        var names = Enumerable.Range(0, 50).Select(_ => RunSettings.DefaultWorker()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(50, names.Count);
        Assert.All(names, n => Assert.StartsWith($"{Environment.MachineName}:{Environment.ProcessId}:", n, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("another-host:1")]
    [InlineData("worker-a")]
    [InlineData(":1")]
    [InlineData("HOST:-1")]
    [InlineData("HOST:12x")]
    [InlineData("HOST:")]
    [InlineData("HOST:1:2:3")]
    public void A_name_that_is_not_a_local_default_is_never_taken_for_gone(string name) =>
        Assert.False(RunSettings.IsGoneLocalWorker(name.Replace("HOST", Environment.MachineName, StringComparison.Ordinal)));
}
