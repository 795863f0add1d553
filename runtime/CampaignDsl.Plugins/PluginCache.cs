using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CampaignDsl.Plugins;

/// <summary>
/// Compiled plugin scripts, kept as <c>&lt;hash&gt;.dll</c> in a folder (by default <c>.campaignc/cache/plugins</c> beside
/// campaignc.yaml). The hash is SHA-256 of the script's text, the text of the files it <c>#load</c>s, the builds of
/// campaignc's runtime and plugin assemblies and the version of <see cref="BudgetInstrumenter"/>, so an edited script or a new campaignc compiles again, and an unchanged
/// script is loaded without starting the C# compiler. Only scripts that compiled without errors are kept.
/// <para>
/// A name is no proof of what a file holds: each image is kept with <c>&lt;hash&gt;.dll.sig</c>, an HMAC-SHA256 of its
/// bytes and its name under the user's <see cref="CacheKey"/>, and an image whose signature does not match is never
/// loaded (it is compiled again from the script and replaced).
/// </para>
/// </summary>
/// <param name="root">The project root: a file a script <c>#load</c>s from outside it is not read for the hash (compiling
/// refuses it anyway, CDSL0150). Null reads any.</param>
public sealed partial class PluginCache(string folder, Compiler.Files.ProjectRoot? root = null)
{
    private const int MaxLoadDepth = 16;

    /// <summary>The largest script (or file it loads) that is read: far beyond any real plugin.</summary>
    public const long MaxScriptBytes = 1024 * 1024;

    /// <summary>The folder the compiled scripts are kept in.</summary>
    public string Folder { get; } = folder;

    /// <summary>The cache beside a campaignc.yaml.</summary>
    public static PluginCache Beside(string configurationPath)
    {
        var project = Path.GetDirectoryName(Path.GetFullPath(configurationPath)) ?? ".";
        return new(Path.Combine(project, ".campaignc", "cache", "plugins"), Compiler.Files.ProjectRoot.At(project));
    }

    /// <summary>Where the compiled form of a script with this <paramref name="text"/> is kept.</summary>
    public string PathFor(string scriptPath, string text) => Path.Combine(Folder, Hash(scriptPath, text) + ".dll");

    /// <summary>The compiled image of the script kept here when this user's campaignc signed it; null otherwise.</summary>
    public byte[]? ReadTrusted(string scriptPath, string text)
    {
        var cachePath = PathFor(scriptPath, text);
        if (CacheKey.Value is not { } key || !File.Exists(cachePath) || !File.Exists(cachePath + ".sig"))
        {
            return null;
        }

        try
        {
            var image = File.ReadAllBytes(cachePath);
            var signature = File.ReadAllBytes(cachePath + ".sig");
            return CryptographicOperations.FixedTimeEquals(signature, Sign(key, cachePath, image)) ? image : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Keeps the script's compiled <paramref name="image"/> with its signature; without a key, keeps nothing.</summary>
    public void Store(string scriptPath, string text, byte[] image)
    {
        var cachePath = PathFor(scriptPath, text);
        if (CacheKey.Value is not { } key)
        {
            return;
        }

        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(cachePath)!);

            // Each written under a temporary name and moved, so a campaignc started at the same time never reads half a file;
            // the image first, so a signature never stands beside an image it does not sign for long.
            Replace(cachePath, image);
            Replace(cachePath + ".sig", Sign(key, cachePath, image));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs a compile next time, nothing else.
        }
    }

    private static byte[] Sign(byte[] key, string cachePath, byte[] image)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(cachePath)));
        hmac.AppendData([0]);
        hmac.AppendData(image);
        return hmac.GetHashAndReset();
    }

    private static void Replace(string path, byte[] bytes)
    {
        var temporary = path + "." + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }

    internal string Hash(string scriptPath, string text)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(sha, scriptPath, text, 0);
        foreach (var assembly in new[] { typeof(PluginCache).Assembly, typeof(Runtime.Sending.ISender).Assembly, typeof(Compiler.Configuration.Runtime.AdapterSettings).Assembly })
        {
            sha.AppendData(assembly.ManifestModule.ModuleVersionId.ToByteArray());
        }

        // What the instrumentation inserts is part of the compiled image, whatever build made it.
        sha.AppendData(BitConverter.GetBytes(BudgetInstrumenter.Version));

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private void Append(IncrementalHash sha, string path, string text, int depth)
    {
        sha.AppendData(Encoding.UTF8.GetBytes(text));
        sha.AppendData([0]);
        if (depth >= MaxLoadDepth)
        {
            return;
        }

        foreach (Match load in LoadDirective().Matches(text))
        {
            var written = load.Groups["path"].Value;
            var loaded = Path.GetFullPath(written, Path.GetDirectoryName(path) ?? ".");

            // Only regular files inside the project, and only so much: nothing outside is read, a FIFO would block the
            // hash, and a loaded file is at most a script.
            var read = root?.Problem(written, loaded) is null
                ? Compiler.Files.BoundedFile.Read(loaded, MaxScriptBytes) as Compiler.Files.BoundedRead.Read
                : null;
            Append(sha, loaded, read is null ? "" : Encoding.UTF8.GetString(read.Bytes), depth + 1);
        }
    }

    [GeneratedRegex("^\\s*#load\\s+\"(?<path>[^\"]+)\"", RegexOptions.Multiline)]
    private static partial Regex LoadDirective();
}
