using CampaignDsl.Compiler.Configuration.Runtime;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Sending;

namespace CampaignDsl.Plugins;

/// <summary>
/// The senders and data sources plugin scripts add, by kind. A kind is opened with the block of campaignc.yaml that
/// names it (<c>runtime.sender: { kind: myplugin, url: ... }</c>): its keys arrive as <see cref="AdapterSettings"/> texts.
/// </summary>
public sealed class PluginRegistrations
{
    private readonly Dictionary<string, Func<AdapterSettings, ISender>> _senders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<AdapterSettings, IContactSource>> _dataSources = new(StringComparer.Ordinal);

    /// <summary>The sender kinds added, in order of name.</summary>
    public IEnumerable<string> SenderKinds => _senders.Keys.Order(StringComparer.Ordinal);

    /// <summary>The data source kinds added, in order of name.</summary>
    public IEnumerable<string> DataSourceKinds => _dataSources.Keys.Order(StringComparer.Ordinal);

    /// <summary>Adds a sender kind for <c>runtime.sender</c>; campaignc wraps it with the retry and rate limit of every sender.</summary>
    public void AddSender(string kind, Func<AdapterSettings, ISender> open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(open);
        _senders[kind] = open;
    }

    /// <summary>Adds a data source kind for <c>runtime.data</c>.</summary>
    public void AddDataSource(string kind, Func<AdapterSettings, IContactSource> open)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentNullException.ThrowIfNull(open);
        _dataSources[kind] = open;
    }

    /// <summary>The built-in senders with the kinds added here.</summary>
    public Senders AddTo(Senders senders)
    {
        ArgumentNullException.ThrowIfNull(senders);
        foreach (var (kind, open) in _senders)
        {
            senders.With(kind, (settings, _) => open(settings));
        }

        return senders;
    }

    /// <summary>The built-in data sources with the kinds added here.</summary>
    public ContactSources AddTo(ContactSources sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        foreach (var (kind, open) in _dataSources)
        {
            sources.With(kind, (settings, _, _) => Task.FromResult(open(settings)));
        }

        return sources;
    }
}
