using NJsonSchema;

namespace CampaignDsl.Compiler.Tests.Infrastructure;

/// <summary>docs/plan.schema.json, loaded once, and an assertion that a plan validates against it.</summary>
internal static class PlanSchema
{
    public static string SchemaPath { get; } = RepositoryPaths.InRepo("docs", "plan.schema.json");

    private static readonly Lazy<Task<JsonSchema>> Schema = new(() => JsonSchema.FromFileAsync(SchemaPath));

    public static Task<JsonSchema> LoadAsync() => Schema.Value;

    public static async Task AssertValidAsync(string json, string what)
    {
        var errors = (await Schema.Value).Validate(json);
        Assert.True(errors.Count == 0, $"{what}: the plan does not validate against {SchemaPath}:\n{string.Join('\n', errors.Select(e => $"{e.Path}: {e.Kind} {e}"))}");
    }
}
