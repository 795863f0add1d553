using CampaignDsl.Compiler.Tests.Infrastructure;

namespace CampaignDsl.Compiler.Tests.Formatting;

/// <summary>Every campaign file the repository holds, found at test time: the examples and every baseline input.</summary>
internal static class FormattingCorpus
{
    private static readonly Lazy<IReadOnlyList<(string Name, byte[] Content)>> All = new(Find);

    public static IReadOnlyList<(string Name, byte[] Content)> Files() => All.Value;

    private static IReadOnlyList<(string Name, byte[] Content)> Find()
    {
        var examples = Directory.GetFiles(RepositoryPaths.InRepo("examples"), "*.campaign", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/'), File.ReadAllBytes(file)));
        var baselines = BaselineCase.DiscoverAll()
            .SelectMany(c => c.ReadInputs().Select(input => ($"{c.Id}/{input.Path}", input.Content)));
        return [.. examples.Concat(baselines).OrderBy(f => f.Item1, StringComparer.Ordinal)];
    }

    public static TheoryData<string> Names
    {
        get
        {
            var files = Files();
            if (files.Count < 50)
            {
                throw new InvalidOperationException($"expected the examples and baseline inputs, found only {files.Count} campaign files");
            }

            return [.. files.Select(f => f.Name)];
        }
    }

    public static byte[] Read(string name) => Files().Single(f => f.Name == name).Content;
}
