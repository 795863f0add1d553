using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// Compiled templates by engine and SHA-256 of their text: a subject line or body shared by many
/// sends, stages or campaigns is compiled once, and a changed file is never served stale. Bounded:
/// when <see cref="Capacity"/> entries are held the cache starts over. Safe for concurrent use.
/// </summary>
public sealed class TemplateCache(int capacity = TemplateCache.DefaultCapacity)
{
    public const int DefaultCapacity = 4096;

    private readonly ConcurrentDictionary<string, TemplateCompilation> _compiled = new(StringComparer.Ordinal);
    private long _compilations;

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), "the capacity must be above zero");

    public int Count => _compiled.Count;

    /// <summary>How many times a template was actually compiled (a miss).</summary>
    public long Compilations => Interlocked.Read(ref _compilations);

    /// <summary>The lower-case hex SHA-256 of <paramref name="text"/> in UTF-8, the hash the plan and timeline record.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public TemplateCompilation GetOrCompile(ITemplateEngine engine, string text)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(text);
        var key = engine.Name + ":" + Hash(text);
        if (_compiled.TryGetValue(key, out var known))
        {
            return known;
        }

        if (_compiled.Count >= Capacity)
        {
            _compiled.Clear();
        }

        return _compiled.GetOrAdd(key, _ =>
        {
            Interlocked.Increment(ref _compilations);
            return engine.Compile(text);
        });
    }
}
