using System.Text.Json;

namespace CampaignDsl.Plan;

/// <summary>
/// Reads a plan written by the compiler. Checks the format version first (this reader understands every
/// <c>1.x</c>; properties a later minor version adds are ignored), then the shape: a missing required
/// property, a wrong type or an unknown node kind is reported, with where in the document it is, never
/// thrown; then that every segment, stage and incentive the plan names is one it holds.
/// </summary>
public static class PlanReader
{
    /// <summary>A plan, or why the bytes are not one this reader can execute.</summary>
    public sealed record Result(CampaignPlan? Plan, string? Error)
    {
        public bool Succeeded => Plan is not null;
    }

    public static Result Read(ReadOnlySpan<byte> utf8Json)
    {
        var bytes = utf8Json.ToArray();
        return LargeStack.Run(() => ReadDeep(bytes));
    }

    private static Result ReadDeep(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8Json = utf8Json[3..];
        }

        if (ReadVersion(utf8Json) is { } versionError)
        {
            return new Result(null, versionError);
        }

        try
        {
            var plan = JsonSerializer.Deserialize(utf8Json, PlanJson.Context.CampaignPlan);
            if (plan is null)
            {
                return new Result(null, "the plan is `null`, not an object");
            }

            return PlanConsistency.FindProblem(plan) is { } problem ? new Result(null, $"not a consistent plan: {problem}") : new Result(plan, null);
        }
        catch (JsonException e)
        {
            return new Result(null, $"not a valid plan: {Describe(e)}");
        }
        catch (NotSupportedException e)
        {
            // An expression object without its `kind`: System.Text.Json reports it as unsupported, with the path in the message.
            return new Result(null, $"not a valid plan: {Describe(e)}");
        }
    }

    public static Result ReadFile(string path)
    {
        try
        {
            var result = Read(File.ReadAllBytes(path));
            return result.Succeeded ? result : result with { Error = $"{path}: {result.Error}" };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new Result(null, $"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>Null when the document's <c>planVersion</c> is one this reader understands, else why not.</summary>
    private static string? ReadVersion(ReadOnlySpan<byte> utf8Json)
    {
        string? version;
        try
        {
            using var document = JsonDocument.Parse(utf8Json.ToArray(), new JsonDocumentOptions { MaxDepth = LargeStack.MaxDepth });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return $"a plan is a JSON object, found {document.RootElement.ValueKind.ToString().ToLowerInvariant()}";
            }

            if (!document.RootElement.TryGetProperty("planVersion", out var property))
            {
                return "no `planVersion`: this is not a campaign plan (write one with `campaignc compile`)";
            }

            version = property.ValueKind == JsonValueKind.String ? property.GetString() : property.GetRawText();
            if (FindNullInList(document.RootElement, "$") is { } path)
            {
                return $"not a valid plan: a list holds null at {path}; no list in a plan has empty entries";
            }
        }
        catch (JsonException e)
        {
            return $"not valid JSON: {Describe(e)}";
        }

        if (!PlanFormat.TryParse(version, out var major, out _))
        {
            return $"`planVersion` is `{version}`, expected \"major.minor\" such as \"{PlanFormat.Version}\"";
        }

        return major == PlanFormat.Major
            ? null
            : $"plan version {version} is not supported: this runtime reads {PlanFormat.Major}.x plans; compile the campaign again with a campaignc of the same release";
    }

    /// <summary>The path of the first null entry of a list: null is allowed for properties, never inside lists (which the records cannot check).</summary>
    private static string? FindNullInList(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (FindNullInList(property.Value, $"{path}.{property.Name}") is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    var itemPath = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{path}[{index++}]");
                    if (item.ValueKind == JsonValueKind.Null)
                    {
                        return itemPath;
                    }

                    if (FindNullInList(item, itemPath) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private static string Describe(JsonException e)
    {
        var where = e.Path is { Length: > 0 } path ? $" at {path}" : "";
        var line = e.LineNumber is { } number ? $" (line {number + 1})" : "";
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return $"{(cut > 0 ? message[..cut] : message)}{where}{line}";
    }

    private static string Describe(NotSupportedException e)
    {
        // "The JSON payload for ... must specify a type discriminator. Path: $.audience.where | LineNumber: 0 | ..."
        var message = e.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut < 0)
        {
            return message;
        }

        var rest = message[(cut + " Path: ".Length)..];
        var bar = rest.IndexOf(" |", StringComparison.Ordinal);
        var what = message[..cut].Contains("type discriminator", StringComparison.Ordinal) ? "an expression needs its `kind`" : message[..cut];
        return $"{what} at {(bar < 0 ? rest : rest[..bar])}";
    }
}
