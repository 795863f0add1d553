using System.Globalization;
using System.Text;
using System.Text.Json;
using CampaignDsl.Plan;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// The plan as YAML, for people who review plans in YAML: the JSON document walked node by node, so the
/// structure, key order and values are exactly the JSON's. Strings are double-quoted (so that <c>on</c>,
/// <c>09:00</c> or <c>2026-12-31</c> stay strings in every YAML reader), numbers, booleans and null are
/// plain. Deterministic like the JSON: <c>\n</c> line endings and a final newline.
/// </summary>
public static class PlanYaml
{
    public static string Serialize(CampaignPlan plan)
    {
        var json = PlanJson.Serialize(plan);
        // On a large stack: writing recurses over the document, which is as deep as the deepest expression.
        return DeepStack.Map([json], Write)[0];
    }

    private static string Write(byte[] json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = int.MaxValue });
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        Write(emitter, document.RootElement);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        var text = new StringBuilder(writer.ToString()).Replace("\r\n", "\n").ToString();
        return text.EndsWith('\n') ? text : text + "\n";
    }

    private static void Write(IEmitter emitter, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
                foreach (var property in element.EnumerateObject())
                {
                    emitter.Emit(new Scalar(null, null, property.Name, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                    Write(emitter, property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonValueKind.Array:
                // An empty list is written `[]`, which block style cannot express.
                var style = element.GetArrayLength() == 0 ? SequenceStyle.Flow : SequenceStyle.Block;
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, style));
                foreach (var item in element.EnumerateArray())
                {
                    Write(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValueKind.String:
                emitter.Emit(new Scalar(null, null, element.GetString()!, ScalarStyle.DoubleQuoted, isPlainImplicit: false, isQuotedImplicit: true));
                break;
            case JsonValueKind.Null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            default:
                // Numbers and booleans exactly as the JSON writes them.
                emitter.Emit(new Scalar(null, null, element.GetRawText(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }
}
