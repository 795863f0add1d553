namespace CampaignDsl.Bench.Measuring;

/// <summary>Wall times and peak memory of one case over all rounds.</summary>
internal sealed record CaseResult(ToolCase Case, Samples WallMs, Samples PeakRssMb);

/// <summary>
/// Runs every case once per round, starting each round one case further on, so a slow spell on a
/// shared machine spreads over all cases instead of landing on one. A first round warms the file
/// cache and is not counted. Every run is checked; a wrong exit code or output stops the benchmark.
/// </summary>
internal static class InterleavedRuns
{
    public static IReadOnlyList<CaseResult> Measure(ToolRunner runner, IReadOnlyList<ToolCase> cases, int rounds, TextWriter progress)
    {
        var results = cases.Select(c => new CaseResult(c, new Samples(), new Samples())).ToList();
        for (var round = 0; round <= rounds; round++)
        {
            progress.Write(round == 0 ? "  warm-up round" : $"\r  round {round}/{rounds}   ");
            for (var i = 0; i < cases.Count; i++)
            {
                var result = results[(i + round) % cases.Count];
                var run = runner.Run(result.Case.WorkingDirectory, result.Case.Arguments);
                if (result.Case.Problem(run) is { } problem)
                {
                    throw new BenchFailure(
                        $"'{result.Case.Label}' ran wrongly: {problem}\n  in {result.Case.WorkingDirectory}: campaignc {string.Join(' ', result.Case.Arguments)}\n"
                        + $"  stdout: {Tail(run.Stdout)}\n  stderr: {Tail(run.Stderr)}");
                }

                if (round > 0)
                {
                    result.WallMs.Add(run.WallMs);
                    if (run.PeakRssKb is { } kb)
                    {
                        result.PeakRssMb.Add(kb / 1024.0);
                    }
                }
            }
        }

        progress.WriteLine();
        return results;
    }

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : "..." + text[^600..].Trim();
}
