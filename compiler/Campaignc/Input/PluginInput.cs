using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Plugins;

namespace Campaignc.Input;

/// <summary>
/// The project's C# plugin scripts (<c>plugins:</c> in campaignc.yaml): compiled for <c>validate</c>, compiled and run for
/// <c>run</c> and <c>simulate</c>. Without plugins nothing is done and Roslyn is never loaded.
/// </summary>
internal static class PluginInput
{
    /// <summary>Compiles (or loads from the cache) without running anything; errors are in the result.</summary>
    public static ProjectPlugins Compile(ProjectConfiguration configuration, string cwd) =>
        configuration.Plugins.IsEmpty ? ProjectPlugins.None : ProjectPlugins.Compile(configuration, path => SourceFileFinder.Display(path, cwd));

    /// <summary>
    /// Compiles and runs the scripts; prints their errors and returns null when one does not compile or fails while it runs.
    /// <paramref name="plugins"/> holds the compiled scripts (their functions), <see cref="ProjectPlugins.None"/> without plugins.
    /// </summary>
    public static PluginRegistrations? Start(ProjectConfiguration configuration, string cwd, TextWriter stderr, out ProjectPlugins plugins)
    {
        plugins = Compile(configuration, cwd);
        if (plugins.HasErrors)
        {
            foreach (var diagnostic in plugins.Diagnostics)
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            return null;
        }

        try
        {
            // A call blocked where no check runs cannot be stopped: the process ends, its run state as a kill leaves it.
            return plugins.Run(new PluginLimits(configuration.PluginTimeLimit)
            {
                OnBlocked = message =>
                {
                    stderr.WriteLine($"campaignc: error: {message}");
                    stderr.Flush();
                    Environment.Exit(ExitCodes.CampaignErrors);
                },
            });
        }
        catch (Exception e) when (e is PluginException or CampaignDsl.Runtime.Plugins.PluginStoppedException)
        {
            stderr.WriteLine($"campaignc: error: {e.Message}");
            return null;
        }
    }
}
