using System.Text.Json.Serialization;

namespace CampaignDsl.Plan;

/// <summary>
/// Source-generated serialisation of the plan records: property names in camelCase in declaration
/// order, every property written (null included), two-space indentation. <see cref="PlanJson"/> adds the rest of the
/// settings that make the bytes deterministic.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    IndentSize = 2,
    NewLine = "\n",
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowTrailingCommas = false,
    AllowOutOfOrderMetadataProperties = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(CampaignPlan))]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
