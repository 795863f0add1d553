using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>
/// Finds where each value of <c>runtime.data.mapping</c> is written in campaignc.yaml, so that a
/// problem in a mapping expression points at its line and column. The configuration keeps the
/// values as texts; their places are read here, from the same file.
/// </summary>
public static class MappingLocator
{
    public static IReadOnlyDictionary<string, MappingOrigin> Locate(string configText, string displayPath)
    {
        var origins = new Dictionary<string, MappingOrigin>(StringComparer.Ordinal);
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(configText));
            if (stream.Documents.Count == 0 || Child(stream.Documents[0].RootNode, "runtime") is not { } runtime
                || Child(runtime, "data") is not { } data || Child(data, "mapping") is not YamlMappingNode mapping)
            {
                return origins;
            }

            Collect(mapping, "", displayPath, origins);
        }
        catch (YamlException)
        {
            // The configuration loader reports a file that does not parse; without places, problems name the file only.
        }

        return origins;
    }

    private static YamlNode? Child(YamlNode node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static void Collect(YamlMappingNode mapping, string prefix, string path, Dictionary<string, MappingOrigin> into)
    {
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { } name })
            {
                continue;
            }

            switch (value)
            {
                case YamlMappingNode nested:
                    Collect(nested, prefix + name + ".", path, into);
                    break;
                case YamlScalarNode scalar:
                    var quoted = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
                    into[prefix + name] = new MappingOrigin(path, (int)scalar.Start.Line, (int)scalar.Start.Column + quoted);
                    break;
            }
        }
    }
}
