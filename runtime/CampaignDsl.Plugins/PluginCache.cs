using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CampaignDsl.Plugins;

/// <summary>
/// Compiled plugin scripts, kept as <c>&lt;hash&gt;.dll</c> in a folder (by default <c>.campaignc/cache/plugins</c> beside
/// campaignc.yaml). The hash is SHA-256 of the script's text, the text of the files it <c>#load</c>s, and the builds of
/// campaignc's runtime and plugin assemblies, so an edited script or a new campaignc compiles again, and an unchanged
/// script is loaded without starting the C# compiler. Only scripts that compiled without errors are kept.
/// </summary>
public sealed partial class PluginCache(string folder)
{
    private const int MaxLoadDepth = 16;

    /// <summary>The folder the compiled scripts are kept in.</summary>
    public string Folder { get; } = folder;

    /// <summary>The cache beside a campaignc.yaml.</summary>
    public static PluginCache Beside(string configurationPath) =>
        new(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configurationPath)) ?? ".", ".campaignc", "cache", "plugins"));

    /// <summary>Where the compiled form of a script with this <paramref name="text"/> is kept.</summary>
    public string PathFor(string scriptPath, string text) => Path.Combine(Folder, Hash(scriptPath, text) + ".dll");

    internal static string Hash(string scriptPath, string text)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(sha, scriptPath, text, 0);
        foreach (var assembly in new[] { typeof(PluginCache).Assembly, typeof(Runtime.Sending.ISender).Assembly, typeof(Compiler.Configuration.Runtime.AdapterSettings).Assembly })
        {
            sha.AppendData(assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static void Append(IncrementalHash sha, string path, string text, int depth)
    {
        sha.AppendData(Encoding.UTF8.GetBytes(text));
        sha.AppendData([0]);
        if (depth >= MaxLoadDepth)
        {
            return;
        }

        foreach (Match load in LoadDirective().Matches(text))
        {
            var loaded = Path.GetFullPath(load.Groups["path"].Value, Path.GetDirectoryName(path) ?? ".");
            Append(sha, loaded, File.Exists(loaded) ? File.ReadAllText(loaded) : "", depth + 1);
        }
    }

    [GeneratedRegex("^\\s*#load\\s+\"(?<path>[^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex LoadDirective();
}
