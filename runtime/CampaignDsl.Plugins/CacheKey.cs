using System.Security.Cryptography;

namespace CampaignDsl.Plugins;

/// <summary>
/// The secret this user's campaignc signs its compiled plugin scripts with: 32 random bytes in <c>campaignc/cache.key</c>
/// under the user's configuration folder (<c>~/.config</c> on Linux), readable by the user alone. A cached assembly
/// signed with it was compiled by this user's campaignc from the script its name's hash stands for; nobody without the
/// key (another user, a pull request that commits a file into the cache) can make one that passes.
/// </summary>
internal static class CacheKey
{
    private const int Length = 32;

    private static readonly Lazy<byte[]?> Key = new(Load);

    /// <summary>The key, or null when there is no private place to keep it (then nothing is taken from the cache).</summary>
    public static byte[]? Value => Key.Value;

    /// <summary>Where the key lives: <c>CAMPAIGNC_CONFIG_HOME</c> when set, else the user's configuration folder.</summary>
    public static string? FolderPath
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("CAMPAIGNC_CONFIG_HOME") is { Length: > 0 } own
                ? own
                : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            return string.IsNullOrEmpty(home) ? null : Path.Combine(home, "campaignc");
        }
    }

    private static byte[]? Load()
    {
        if (FolderPath is not { } folder)
        {
            return null;
        }

        var path = Path.Combine(folder, "cache.key");
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
            else
            {
                Directory.CreateDirectory(folder);
            }

            if (!File.Exists(path))
            {
                // Written whole under another name and moved, so two campaignc starting together agree on one key.
                var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using (var stream = new FileStream(temporary, options))
                {
                    stream.Write(RandomNumberGenerator.GetBytes(Length));
                }

                try
                {
                    File.Move(temporary, path, overwrite: false);
                }
                catch (IOException) when (File.Exists(path))
                {
                    File.Delete(temporary);
                }
            }

            // A key others may read or write is no secret: the cache is not used.
            if (!OperatingSystem.IsWindows()
                && (File.GetUnixFileMode(path) & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0)
            {
                return null;
            }

            var key = File.ReadAllBytes(path);
            return key.Length == Length ? key : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
