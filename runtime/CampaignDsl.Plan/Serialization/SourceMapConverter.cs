using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CampaignDsl.Plan;

/// <summary>Writes a <see cref="SourceMap"/> as one object, keeping the entries' order (a dictionary would not promise one).</summary>
internal sealed class SourceMapConverter : JsonConverter<SourceMap>
{
    public override SourceMap Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the source map must be an object of node id to \"file:line:column\"");
        }

        var entries = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var id = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"the source map entry '{id}' must be a string \"file:line:column\"");
            }

            entries.Add(KeyValuePair.Create(id, reader.GetString()!));
        }

        return new SourceMap(entries.ToImmutable());
    }

    public override void Write(Utf8JsonWriter writer, SourceMap value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        foreach (var (id, location) in value.Entries)
        {
            writer.WriteString(id, location);
        }

        writer.WriteEndObject();
    }
}
