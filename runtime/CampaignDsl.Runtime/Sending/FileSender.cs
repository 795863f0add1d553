using System.Text;
using System.Text.Json;

namespace CampaignDsl.Runtime.Sending;

/// <summary>
/// Writes each email as an RFC 5322 <c>&lt;idempotency-key&gt;.eml</c> file into a folder (the way a
/// pickup directory takes mail), each message of another channel (sms, push) as a
/// <c>&lt;idempotency-key&gt;.&lt;channel&gt;.json</c> file (<see cref="ChannelMessageFile"/>), and appends one line per
/// message to <c>outbox.jsonl</c> there. A file
/// is written under a temporary name, flushed to disk and renamed, so a crash leaves a whole file or
/// none; an existing <c>&lt;key&gt;.eml</c> means the message was already delivered and is not
/// written again, so a re-offered send makes no second file and no second outbox line.
/// </summary>
public sealed class FileSender : ISender, IDisposable
{
    public const string OutboxFileName = "outbox.jsonl";

    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly string _folder;
    private readonly ISendClock _clock;
    private readonly SemaphoreSlim _outbox = new(1, 1);
    private HashSet<string>? _loggedKeys;

    public FileSender(string folder, ISendClock clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        _folder = Path.GetFullPath(folder);
        _clock = clock;
    }

    public string Folder => _folder;

    public string OutboxPath => Path.Combine(_folder, OutboxFileName);

    /// <summary>The path of the file an email with <paramref name="key"/> is written to.</summary>
    public string PathOf(string key) => PathOf(key, "email");

    /// <summary>The path of the file a message on <paramref name="channel"/> with <paramref name="key"/> is written to.</summary>
    public string PathOf(string key, string channel) =>
        Path.Combine(_folder, channel == "email" ? key + ".eml" : key + "." + channel + ".json");

    public async Task<SendOutcome> SendAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (bytes, messageId, problem) = message.Channel == "email" ? Email(message) : ChannelMessageFile.Compose(message, _clock.UtcNow);
        if (bytes is null)
        {
            return new SendOutcome.PermanentFailure(problem!);
        }

        var path = PathOf(message.IdempotencyKey, message.Channel);
        var fileName = Path.GetFileName(path);
        try
        {
            Directory.CreateDirectory(_folder);
            var written = !File.Exists(path) && await WriteOnceAsync(path, bytes, cancellationToken).ConfigureAwait(false);
            var line = new OutboxLine(message.IdempotencyKey, message.Campaign, message.PlanVersion, message.Stage, message.ContactId,
                message.Channel, message.To, message.Subject, messageId!, fileName, _clock.UtcNow);
            await AppendOutboxAsync(line, checkFirst: !written, cancellationToken).ConfigureAwait(false);
            return new SendOutcome.Delivered(fileName);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new SendOutcome.TransientFailure($"could not write {fileName} in {_folder}: {exception.Message}");
        }
    }

    public void Dispose() => _outbox.Dispose();

    private (byte[]? Bytes, string? MessageId, string? Problem) Email(OutgoingMessage message)
    {
        var (mime, problem) = EmailComposer.Compose(message, _clock.UtcNow);
        return mime is null ? (null, null, problem) : (EmailComposer.Format(mime), "<" + mime.MessageId + ">", null);
    }

    // True when this call wrote the file; false when another writer got there first.
    private async Task<bool> WriteOnceAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(_folder, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    // A message delivered before a crash may lack its line: on a re-offer the outbox is read once to see.
    private async Task AppendOutboxAsync(OutboxLine line, bool checkFirst, CancellationToken cancellationToken)
    {
        await _outbox.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (checkFirst)
            {
                _loggedKeys ??= await ReadLoggedKeysAsync(cancellationToken).ConfigureAwait(false);
                if (_loggedKeys.Contains(line.IdempotencyKey))
                {
                    return;
                }
            }

            var stream = new FileStream(OutboxPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                var text = JsonSerializer.Serialize(line) + "\n";
                if (stream.Length > 0)
                {
                    // A line torn by a crash is closed first, so the new line stays a line of its own.
                    stream.Seek(-1, SeekOrigin.End);
                    if (stream.ReadByte() != '\n')
                    {
                        text = "\n" + text;
                    }
                }

                stream.Seek(0, SeekOrigin.End);
                await stream.WriteAsync(Utf8.GetBytes(text), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            _loggedKeys?.Add(line.IdempotencyKey);
        }
        finally
        {
            _outbox.Release();
        }
    }

    private async Task<HashSet<string>> ReadLoggedKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(OutboxPath))
        {
            return keys;
        }

        foreach (var text in await File.ReadAllLinesAsync(OutboxPath, Utf8, cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (JsonSerializer.Deserialize<OutboxLine>(text) is { } line)
                {
                    keys.Add(line.IdempotencyKey);
                }
            }
            catch (JsonException)
            {
                // A torn last line from a crash names no complete message.
            }
        }

        return keys;
    }
}
