using System.Text.Json;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// A JSON document as a template model: objects become dictionaries, arrays lists, numbers doubles
/// (printed as JavaScript prints them), so sample data files (SendGrid's test data) render as in handlebars.js.
/// </summary>
public static class JsonTemplateModel
{
    public static IReadOnlyDictionary<string, object?> FromJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Convert(document.RootElement) as IReadOnlyDictionary<string, object?>
            ?? throw new JsonException("the template data must be a JSON object");
    }

    private static object? Convert(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().Aggregate(
            new Dictionary<string, object?>(StringComparer.Ordinal),
            (map, property) =>
            {
                map[property.Name] = Convert(property.Value);
                return map;
            }),
        JsonValueKind.Array => element.EnumerateArray().Select(Convert).ToList(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };
}
