using System.Diagnostics;
using CampaignDsl.Runtime.Running;

namespace CampaignDsl.Runtime.Tests.Running;

/// <summary>A default worker name (<c>host:pid</c>) of this machine whose process has ended is gone; anything else may be alive.</summary>
public sealed class GoneWorkerTests
{
    [Fact]
    public void A_local_worker_whose_process_ended_is_gone_and_a_running_one_is_not()
    {
        using var child = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        child.WaitForExit();
        var ended = $"{Environment.MachineName}:{child.Id}";

        Assert.True(RunSettings.IsGoneLocalWorker(ended));
        Assert.False(RunSettings.IsGoneLocalWorker(RunSettings.DefaultWorker()));
    }

    [Theory]
    [InlineData("another-host:1")]
    [InlineData("worker-a")]
    [InlineData(":1")]
    [InlineData("HOST:-1")]
    [InlineData("HOST:12x")]
    [InlineData("HOST:")]
    public void A_name_that_is_not_a_local_default_is_never_taken_for_gone(string name) =>
        Assert.False(RunSettings.IsGoneLocalWorker(name.Replace("HOST", Environment.MachineName, StringComparison.Ordinal)));
}
