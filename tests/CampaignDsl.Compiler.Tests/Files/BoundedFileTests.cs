using System.Diagnostics;
using CampaignDsl.Compiler.Files;

namespace CampaignDsl.Compiler.Tests.Files;

/// <summary>Only regular files are opened, and never more than the limit plus one byte is read.</summary>
public sealed class BoundedFileTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData(0, 10)]
    [InlineData(10, 10)]
    [InlineData(11, 10)]
    [InlineData(5_000, 10)]
    [InlineData(70_000, 65_536)]
    public void Reads_the_whole_file_or_exactly_one_byte_past_the_limit(int size, int limit)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i % 251)).ToArray();
        var path = _folder.WriteBytes("f.bin", bytes);

        var read = Assert.IsType<BoundedRead.Read>(BoundedFile.Read(path, limit));

        Assert.Equal(bytes.Take(limit + 1), read.Bytes);
    }

    [Fact]
    public void A_device_a_fifo_and_a_folder_are_not_files_and_a_missing_path_is_missing()
    {
        var fifo = _folder.Combine("pipe");
        using (var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { UseShellExecute = false })!)
        {
            mkfifo.WaitForExit();
        }

        var zero = _folder.Combine("zero.campaign");
        File.CreateSymbolicLink(zero, "/dev/zero");

        Assert.Equal(FileKind.Special, Assert.IsType<BoundedRead.NotAFile>(BoundedFile.Read(fifo, 100)).Kind);
        Assert.Equal(FileKind.Special, Assert.IsType<BoundedRead.NotAFile>(BoundedFile.Read(zero, 100)).Kind);
        Assert.Equal(FileKind.Directory, Assert.IsType<BoundedRead.NotAFile>(BoundedFile.Read(_folder.Path, 100)).Kind);
        Assert.IsType<BoundedRead.Missing>(BoundedFile.Read(_folder.Combine("none"), 100));
        Assert.Equal(FileKind.SymbolicLink, FileStatus.Of(zero, followLinks: false).Kind);
    }

    [Fact]
    public void Two_links_to_one_folder_have_the_same_identity()
    {
        Directory.CreateDirectory(_folder.Combine("real"));
        Directory.CreateSymbolicLink(_folder.Combine("link"), _folder.Combine("real"));

        Assert.NotNull(FileStatus.Of(_folder.Combine("real")).Identity);
        Assert.Equal(FileStatus.Of(_folder.Combine("real")).Identity, FileStatus.Of(_folder.Combine("link")).Identity);
        Assert.NotEqual(FileStatus.Of(_folder.Path).Identity, FileStatus.Of(_folder.Combine("link")).Identity);
    }
}
