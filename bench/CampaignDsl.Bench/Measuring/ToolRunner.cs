using System.Diagnostics;
using System.Globalization;

namespace CampaignDsl.Bench.Measuring;

/// <summary>
/// Starts campaignc as a separate process, as CI does, and times it from start to exit. Peak memory
/// comes from GNU time (<c>/usr/bin/time -f %M</c>, the child's max RSS); without it memory is not measured.
/// </summary>
internal sealed class ToolRunner
{
    public const string GnuTime = "/usr/bin/time";

    private readonly string tool;

    public ToolRunner(string tool)
    {
        this.tool = tool;
        MeasuresMemory = File.Exists(GnuTime) && GnuTimeWorks();
    }

    public bool MeasuresMemory { get; }

    /// <summary>An apphost runs directly; a dll through the dotnet host, which adds the host's start-up.</summary>
    public bool IsAppHost => !tool.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);

    public ToolRun Run(string workingDirectory, IReadOnlyList<string> arguments)
    {
        var memoryFile = MeasuresMemory ? Path.GetTempFileName() : null;
        try
        {
            var start = StartInfo(workingDirectory, arguments, memoryFile);
            var started = Stopwatch.GetTimestamp();
            using var process = Process.Start(start) ?? throw new BenchFailure($"could not start {start.FileName}");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            var wallMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return new ToolRun(wallMs, memoryFile is null ? null : ReadPeakRss(memoryFile), process.ExitCode,
                stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
        finally
        {
            if (memoryFile is not null)
            {
                File.Delete(memoryFile);
            }
        }
    }

    private ProcessStartInfo StartInfo(string workingDirectory, IReadOnlyList<string> arguments, string? memoryFile)
    {
        var command = new List<string>();
        if (memoryFile is not null)
        {
            command.AddRange([GnuTime, "-f", "%M", "-o", memoryFile]);
        }

        if (!IsAppHost)
        {
            command.Add("dotnet");
        }

        command.Add(tool);
        command.AddRange(arguments);

        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    // GNU time writes "Command exited with non-zero status N" before the figure when the child fails.
    private static long? ReadPeakRss(string memoryFile) =>
        File.ReadAllLines(memoryFile).Select(l => long.TryParse(l.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb : (long?)null)
            .LastOrDefault(kb => kb is not null);

    private static bool GnuTimeWorks()
    {
        try
        {
            var start = new ProcessStartInfo(GnuTime) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { "-f", "%M", "true" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 && long.TryParse(output.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out _);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
