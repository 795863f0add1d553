using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignDsl.Plan;

/// <summary>
/// Writes a plan as JSON: UTF-8 without a byte-order mark, two-space indentation, <c>\n</c> line
/// endings and a final newline. Characters are escaped only where JSON requires it, so that
/// <c>€</c> and <c>&lt;anna@shop.example&gt;</c> stay readable in review. The same plan always gives the same bytes.
/// </summary>
public static class PlanJson
{
    internal static JsonSerializerOptions Options { get; } = new(PlanJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        MaxDepth = LargeStack.MaxDepth,
    };

    internal static PlanJsonContext Context { get; } = new(Options);

    public static byte[] Serialize(CampaignPlan plan)
    {
        var json = LargeStack.Run(() => JsonSerializer.SerializeToUtf8Bytes(plan, Context.CampaignPlan));
        var result = new byte[json.Length + 1];
        json.CopyTo(result, 0);
        result[^1] = (byte)'\n';
        return result;
    }

    public static string SerializeToString(CampaignPlan plan) => Encoding.UTF8.GetString(Serialize(plan));
}
