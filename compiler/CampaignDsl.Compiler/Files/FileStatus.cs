using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace CampaignDsl.Compiler.Files;

/// <summary>What kind of thing a path names.</summary>
public enum FileKind
{
    Missing,
    Regular,
    Directory,
    SymbolicLink,

    /// <summary>A FIFO, a device, a socket: never read as a campaign, template or configuration, since reading one may block or never end.</summary>
    Special,
}

/// <summary>
/// A path's kind, size and identity (device and inode), as the operating system reports them. .NET tells a FIFO or a device
/// from a regular file on no platform, so on Linux this asks <c>statx(2)</c> (whose layout is the same on every
/// architecture); elsewhere it falls back to .NET's view, in which a special file looks regular.
/// </summary>
public readonly record struct FileStatus(FileKind Kind, long Size, (ulong Device, ulong Inode)? Identity)
{
    public static FileStatus Missing { get; } = new(FileKind.Missing, 0, null);

    /// <summary>The status of <paramref name="path"/>; of the link itself rather than its target when <paramref name="followLinks"/> is false.</summary>
    public static FileStatus Of(string path, bool followLinks = true) =>
        OperatingSystem.IsLinux() ? Linux.Of(path, followLinks) : Managed(path, followLinks);

    private static FileStatus Managed(string path, bool followLinks)
    {
        FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
        if (!info.Exists)
        {
            return Missing;
        }

        if (!followLinks && info.LinkTarget is not null)
        {
            return new FileStatus(FileKind.SymbolicLink, 0, null);
        }

        return info is FileInfo file ? new FileStatus(FileKind.Regular, file.Length, null) : new FileStatus(FileKind.Directory, 0, null);
    }

    private static class Linux
    {
        private const int AtCurrentFolder = -100;
        private const int AtSymlinkNoFollow = 0x100;
        private const uint WantTypeModeInodeSize = 0x1 | 0x2 | 0x100 | 0x200;

        public static FileStatus Of(string path, bool followLinks)
        {
            var buffer = new byte[256];
            int result;
            try
            {
                result = Statx(AtCurrentFolder, path, followLinks ? 0 : AtSymlinkNoFollow, WantTypeModeInodeSize, buffer);
            }
            catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
            {
                // A C library without statx (glibc before 2.28): .NET's view, as on other systems.
                return Managed(path, followLinks);
            }

            if (result != 0)
            {
                return Missing;
            }

            var mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(28)) & 0xF000;
            var kind = mode switch
            {
                0x8000 => FileKind.Regular,
                0x4000 => FileKind.Directory,
                0xA000 => FileKind.SymbolicLink,
                _ => FileKind.Special,
            };
            var inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(32));
            var size = (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(40)), long.MaxValue);
            var device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(136)) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(140));
            return new FileStatus(kind, size, (device, inode));
        }

        [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        private static extern int Statx(int folder, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);
    }
}
