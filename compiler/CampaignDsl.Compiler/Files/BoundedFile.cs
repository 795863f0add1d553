namespace CampaignDsl.Compiler.Files;

/// <summary>What reading a file named by a user gave.</summary>
public abstract record BoundedRead
{
    private BoundedRead()
    {
    }

    /// <summary>The file's bytes: all of them, or the first <c>limit + 1</c> when it is larger, so the caller can say it is too large.</summary>
    public sealed record Read(byte[] Bytes) : BoundedRead;

    public sealed record Missing : BoundedRead;

    /// <summary>Not a regular file: a folder, a FIFO, a device or a socket, which is never opened.</summary>
    public sealed record NotAFile(FileKind Kind) : BoundedRead
    {
        public string Describe() => Kind switch
        {
            FileKind.Directory => "is a folder, not a file",
            _ => "is not a regular file (a FIFO, a device or a socket), so it was not read",
        };
    }

    public sealed record Failed(string Reason) : BoundedRead;
}

/// <summary>
/// Reads files that campaigns, configurations and command lines name, with the two guarantees a tool run on untrusted
/// pull requests needs: only regular files are opened (a FIFO would block for ever, <c>/dev/zero</c> never ends), and
/// no more than a limit plus one byte is read, whatever the file claims its size is.
/// </summary>
public static class BoundedFile
{
    public static BoundedRead Read(string path, long limit)
    {
        var status = FileStatus.Of(path);
        if (status.Kind == FileKind.Missing)
        {
            return new BoundedRead.Missing();
        }

        if (status.Kind != FileKind.Regular)
        {
            return new BoundedRead.NotAFile(status.Kind);
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);

            // The size is only where the buffer starts: a file that grows meanwhile is read on, up to one byte past the limit.
            var buffer = new byte[(int)Math.Min(Math.Max(status.Size, 0) + 1, limit + 1)];
            var filled = 0;
            while (filled < limit + 1)
            {
                if (filled == buffer.Length)
                {
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, limit + 1));
                }

                var read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    break;
                }

                filled += read;
            }

            return new BoundedRead.Read(filled == buffer.Length ? buffer : buffer[..filled]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new BoundedRead.Failed(e.Message);
        }
    }
}
