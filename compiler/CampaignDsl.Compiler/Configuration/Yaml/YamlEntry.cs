using YamlDotNet.RepresentationModel;

namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>
/// One <c>key: value</c> of a block, with the dotted path of the key from the top of the file
/// (<c>defaults.timezone</c>), which is how messages name it.
/// </summary>
internal sealed record YamlEntry(string Key, YamlScalarNode KeyNode, YamlNode Value, string Path)
{
    public bool IsNull => YamlValues.IsNull(Value);

    public string? Text => Value is YamlScalarNode scalar && !IsNull ? scalar.Value : null;
}
