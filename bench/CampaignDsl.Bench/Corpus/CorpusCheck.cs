using System.Globalization;
using System.Text;
using CampaignDsl.Compiler;

namespace CampaignDsl.Bench.Corpus;

/// <summary>
/// Makes sure the corpora are what the figures claim: the valid one checks with no errors, and in
/// the other every faulty file, and only those, reports an error. Otherwise the benchmark stops.
/// </summary>
internal static class CorpusCheck
{
    public static void ExpectValid(CorpusFolder corpus, CampaignCompilation compilation)
    {
        var errors = compilation.Diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count > 0)
        {
            var shown = string.Join('\n', errors.Take(10).Select(d => "  " + d));
            throw new BenchFailure(
                $"the generated valid corpus in {corpus.Root} has {errors.Count} errors; the generator writes something the compiler rejects:\n{shown}");
        }
    }

    /// <summary>Checks the faults and returns how often each code was reported, for the report.</summary>
    public static IReadOnlyDictionary<string, int> ExpectFaults(CorpusFolder corpus, CampaignCompilation compilation)
    {
        var errorsByFile = compilation.Diagnostics.Where(d => d.IsError).ToLookup(d => d.Location.Path, StringComparer.Ordinal);
        var problems = new StringBuilder();
        foreach (var file in corpus.Files)
        {
            var faulty = corpus.Faults.TryGetValue(file, out var fault);
            var errors = errorsByFile[file].ToList();
            if (faulty && errors.Count == 0)
            {
                problems.Append(CultureInfo.InvariantCulture, $"  {file}: fault '{fault!.Name}' reported no error\n");
            }
            else if (!faulty && errors.Count > 0)
            {
                problems.Append(CultureInfo.InvariantCulture, $"  {file}: no fault, but {errors[0]}\n");
            }
        }

        if (problems.Length > 0)
        {
            throw new BenchFailure($"the error corpus in {corpus.Root} does not check as intended:\n{problems}");
        }

        return compilation.Diagnostics.Where(d => d.IsError).GroupBy(d => d.Code, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
    }

    /// <summary>Fault kinds whose expected code was not among their file's errors: the fault still breaks the file, but not as named.</summary>
    public static IReadOnlyList<string> FaultsWithOtherCodes(CorpusFolder corpus, CampaignCompilation compilation)
    {
        var codesByFile = compilation.Diagnostics.Where(d => d.IsError).ToLookup(d => d.Location.Path, d => d.Code, StringComparer.Ordinal);
        return [.. corpus.Faults
            .Where(f => !codesByFile[f.Key].Contains(f.Value.ExpectedCode, StringComparer.Ordinal))
            .Select(f => f.Value.Name)
            .Distinct(StringComparer.Ordinal)];
    }
}
