using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>Campaign header settings: known keys, values of the right kind.</summary>
internal sealed class SettingsCheck : ICampaignCheck
{
    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var setting in scope.Campaign.Settings)
        {
            if (setting.Key.IsMissing || setting.Value is MissingExpression)
            {
                continue;
            }

            if (!SettingCatalog.All.TryGetValue(setting.Key.Name, out var check))
            {
                diagnostics.Add(DiagnosticCatalog.SettingNotFound(scope.At(setting.Key), setting.Key.Name,
                    NameSuggester.Suggest(setting.Key.Name, SettingCatalog.All.Keys.Concat(["audience", "segment", "stage"]))));
                continue;
            }

            if (check(setting.Value) is { } problem)
            {
                diagnostics.Add(DiagnosticCatalog.SettingValue(scope.At(setting.Value), setting.Key.Name, problem.Expected, problem.Suggestion));
            }
        }
    }
}
