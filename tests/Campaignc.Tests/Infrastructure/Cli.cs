using System.Diagnostics;

namespace Campaignc.Tests.Infrastructure;

/// <summary>What one run of campaignc produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>
/// Runs campaignc in process through its public entry, or as a child process when a test needs a
/// current folder of its own or a real redirected console (the test host's cwd is shared).
/// </summary>
internal static class Cli
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromMinutes(2);

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CampaigncApp.RunAsync(args, stdout, stderr);
        return new CliResult(exit, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs the built campaignc.dll with <paramref name="workingDirectory"/> as its current folder; stdout and stderr are pipes.</summary>
    public static Task<CliResult> RunChildAsync(string workingDirectory, params string[] args) => RunChildAsync(ChildTimeout, workingDirectory, args);

    /// <summary>As <see cref="RunChildAsync(string, string[])"/>; a child still running after <paramref name="timeout"/> is killed and the test fails.</summary>
    public static async Task<CliResult> RunChildAsync(TimeSpan timeout, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "campaignc.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Colour must be off because output is redirected, not because the environment asks for it.
        start.Environment.Remove("NO_COLOR");
        start.Environment.Remove("CAMPAIGNC_DEBUG");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start campaignc");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var stop = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"campaignc {string.Join(' ', args)} did not finish within {timeout}");
        }

        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        return Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
    }
}
