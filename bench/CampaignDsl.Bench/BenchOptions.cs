using System.Globalization;

namespace CampaignDsl.Bench;

/// <summary>The benchmark's command line.</summary>
internal sealed record BenchOptions
{
    public const string Usage = """
        Usage: CampaignDsl.Bench [options]   (normally through bench/run.sh, which builds first)

          --campaignc PATH   the campaignc to measure: the apphost 'campaignc' (preferred) or 'campaignc.dll'
                             (default: the apphost next to this benchmark in the build output)
          --files N          files in the corpus (default 1000, at least 10)
          --runs R           runs of each case (default 7), after one warm-up round
          --large            also validate a corpus ten times as large (10,000 files by default)
          --markdown         also print the figures as Markdown, ready for the README
          --profile          also break one validate down by stage (read, lex, parse, checks) in a fresh process
          --seed S           seed of the generated corpus (default 1)
          --keep             keep the generated corpus and print where it is

        Runtime settings can be tried without rebuilding, e.g. DOTNET_TieredPGO=1 bench/run.sh;
        they reach campaignc and the in-process runs, and the report's 'env' line lists them.
        """;

    public string? Campaignc { get; init; }

    public int Files { get; init; } = 1000;

    public int Runs { get; init; } = 7;

    public int Seed { get; init; } = 1;

    public bool Large { get; init; }

    public bool Markdown { get; init; }

    public bool Profile { get; init; }

    public bool Keep { get; init; }

    public bool Help { get; init; }

    /// <summary>Set only in the child process that <c>--profile</c> starts: the folder to profile.</summary>
    public string? StageProfileFolder { get; init; }

    /// <summary>The options, or the reason the command line is wrong.</summary>
    public static (BenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value");
            int Count(int min) => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min
                ? n
                : throw new FormatException($"{args[i - 1]} takes a whole number of at least {min}");

            try
            {
                options = args[i] switch
                {
                    "--campaignc" => options with { Campaignc = Value() },
                    "--files" => options with { Files = Count(10) },
                    "--runs" => options with { Runs = Count(1) },
                    "--seed" => options with { Seed = Count(0) },
                    "--large" => options with { Large = true },
                    "--markdown" => options with { Markdown = true },
                    "--profile" => options with { Profile = true },
                    "--keep" => options with { Keep = true },
                    "--help" or "-h" => options with { Help = true },
                    "--stage-profile" => options with { StageProfileFolder = Value() },
                    _ => throw new FormatException($"unknown option '{args[i]}'"),
                };
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }

        return (options, null);
    }
}
