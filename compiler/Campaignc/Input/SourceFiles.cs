using CampaignDsl.Compiler.Files;
using CampaignDsl.Compiler.Syntax;

namespace Campaignc.Input;

/// <summary>
/// Reads the files the commands are given (campaign files, campaignc.yaml) through <see cref="BoundedFile"/>: only regular
/// files, at most one byte past the limit (the compiler then reports the size with its code), with a problem a person
/// can act on otherwise.
/// </summary>
public static class SourceFiles
{
    public sealed record Result(byte[]? Bytes, string? Problem);

    public static Result Read(string path, string shown, long limit = SourceDecoder.MaxFileBytes) => BoundedFile.Read(path, limit) switch
    {
        BoundedRead.Read read => new Result(read.Bytes, null),
        BoundedRead.Missing => new Result(null, $"cannot read '{shown}': it does not exist (any more)"),
        BoundedRead.NotAFile notAFile => new Result(null, $"cannot read '{shown}': it {notAFile.Describe()}"),
        BoundedRead.Failed failed => new Result(null, $"cannot read '{shown}': {failed.Reason}"),
        _ => new Result(null, $"cannot read '{shown}'"),
    };
}
