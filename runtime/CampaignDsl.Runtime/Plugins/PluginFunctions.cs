using System.Collections.Frozen;

namespace CampaignDsl.Runtime.Plugins;

/// <summary>A function a plugin script adds: called with the evaluator's values, returns one of them (or null, unknown).</summary>
/// <param name="Name">The name campaigns and templates call it by.</param>
/// <param name="Invoke">Takes plan values (<see cref="decimal"/>, <see cref="string"/>, <see cref="bool"/>, dates) and returns one.</param>
public sealed record PluginFunction(string Name, Func<object?[], object?> Invoke);

/// <summary>
/// The functions plugin scripts add, for this process. Plugins are loaded once, at the start of a <c>campaignc</c>
/// command, before any plan is evaluated or template compiled; the expression evaluator and the Handlebars engine
/// read them here rather than through every evaluation context, so the scheduler does not carry them around.
/// Holds nothing, and costs nothing, when no plugin is configured.
/// </summary>
public static class PluginFunctions
{
    private static FrozenDictionary<string, PluginFunction> _all = FrozenDictionary<string, PluginFunction>.Empty;
    private static readonly Lock Gate = new();

    /// <summary>Every registered function by name.</summary>
    public static FrozenDictionary<string, PluginFunction> All => _all;

    /// <summary>Adds functions; one with the name of an earlier one replaces it.</summary>
    public static void Register(IEnumerable<PluginFunction> functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        lock (Gate)
        {
            var all = new Dictionary<string, PluginFunction>(_all, StringComparer.Ordinal);
            foreach (var function in functions)
            {
                all[function.Name] = function;
            }

            _all = all.ToFrozenDictionary(StringComparer.Ordinal);
        }
    }

    public static PluginFunction? Find(string name) => _all.GetValueOrDefault(name);
}
