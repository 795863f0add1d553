using System.Diagnostics;
using System.Text;

namespace Campaignc.Tests.Running;

/// <summary>
/// <c>campaignc</c> (the built campaignc.dll beside the test assembly, under <c>dotnet</c>) as a child process
/// that a test can wait for or kill with SIGKILL at any moment, as a crash or <c>kill -9</c> would.
/// </summary>
internal sealed class CampaigncProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CampaigncProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Stdout { get { lock (_stdout) { return _stdout.ToString(); } } }

    public string Stderr { get { lock (_stderr) { return _stderr.ToString(); } } }

    public static CampaigncProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, IEnumerable<string> args)
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

        start.Environment.Remove("NO_COLOR");
        start.Environment.Remove("CAMPAIGNC_DEBUG");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new CampaigncProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start campaignc"));
    }

    /// <summary>Waits for the exit; a run that outlives <paramref name="timeout"/> is killed and fails the test.</summary>
    public async Task<int> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            throw new TimeoutException($"campaignc did not finish within {timeout}\n{this}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL after <paramref name="delay"/>, unless it exited first; true when it was killed.</summary>
    public async Task<bool> KillAfterAsync(TimeSpan delay)
    {
        using var cancel = new CancellationTokenSource(delay);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            _process.WaitForExit();
            return false;
        }
        catch (OperationCanceledException)
        {
            // Process.Kill is SIGKILL on Unix: no handler, no flush, no cleanup runs.
            _process.Kill();
            await _process.WaitForExitAsync();
            return true;
        }
    }

    /// <summary>SIGKILL as soon as <paramref name="due"/> holds (checked every 10 ms), unless it exited first; true when it was killed.</summary>
    public async Task<bool> KillWhenAsync(Func<bool> due, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!_process.HasExited)
        {
            if (due() || watch.Elapsed > timeout)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
                return true;
            }

            await Task.Delay(10);
        }

        _process.WaitForExit();
        return false;
    }

    /// <summary>Asks the process to stop, as a service manager does: SIGTERM.</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    public int ExitCode => _process.ExitCode;

    public override string ToString() => $"--- stdout\n{Stdout}\n--- stderr\n{Stderr}";

    public void Dispose() => _process.Dispose();

    private static void Append(StringBuilder into, string? line)
    {
        if (line is not null)
        {
            lock (into)
            {
                into.AppendLine(line);
            }
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : "dotnet";
}
