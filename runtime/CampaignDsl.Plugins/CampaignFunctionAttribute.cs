namespace CampaignDsl.Plugins;

/// <summary>
/// Marks a static method of a plugin script as a function campaigns and templates can call by <see cref="Name"/>:
/// <c>[CampaignFunction("loyalty_tier")] static string LoyaltyTier(decimal spent) => ...</c>. campaignc reads the
/// signature from the compiled script without running it, so <c>campaignc validate</c> can type-check calls.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CampaignFunctionAttribute(string name) : Attribute
{
    /// <summary>The lower_snake_case name campaigns call the function by.</summary>
    public string Name { get; } = name;
}
