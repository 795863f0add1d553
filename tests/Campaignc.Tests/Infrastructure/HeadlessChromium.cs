using System.Diagnostics;

namespace Campaignc.Tests.Infrastructure;

/// <summary>What Chromium printed while it loaded a page: its output and its log.</summary>
internal sealed record ChromiumRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The page's console messages (Chromium logs each as <c>INFO:CONSOLE(line)] "message", source: ...</c>).</summary>
    public IReadOnlyList<string> ConsoleMessages =>
        [.. Stderr.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).Select(l => l.Trim())];
}

/// <summary>
/// Headless Chromium (the Debian package <c>chromium</c>, at /usr/bin/chromium, or <c>CHROMIUM</c>), run as a child
/// process on a local file with a throw-away profile. A missing browser fails the test with what to install: CI installs it.
/// </summary>
internal static class HeadlessChromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string Executable => Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The DOM after the page's scripts ran, with the console logged to stderr.</summary>
    public static Task<ChromiumRun> DumpDomAsync(string htmlFile) =>
        RunAsync("--enable-logging=stderr", "--v=0", "--dump-dom", new Uri(htmlFile).AbsoluteUri);

    public static Task<ChromiumRun> ScreenshotAsync(string htmlFile, string pngFile) =>
        RunAsync($"--screenshot={pngFile}", "--window-size=1280,2000", "--hide-scrollbars", new Uri(htmlFile).AbsoluteUri);

    private static async Task<ChromiumRun> RunAsync(params string[] args)
    {
        if (!File.Exists(Executable))
        {
            Assert.Fail($"Chromium is not installed at {Executable}: install the Debian package `chromium` (apt-get install chromium), or set CHROMIUM to its path. CI installs it; this test is never skipped.");
        }

        using var profile = new TempFolder();
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile.Path}" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium {string.Join(' ', args)} did not finish within {Timeout}");
        }

        return new ChromiumRun(process.ExitCode, await stdout, await stderr);
    }
}
