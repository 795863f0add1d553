using System.Globalization;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>
/// The variables one send's templates may use, with the lengths this campaign pins down: its own
/// name and title, the stage's name, the sender's name, the fields of the incentives the send
/// carries (a code as long as its pattern; none at all when it carries no incentive, since then they
/// print nothing), and the values its click rules store on the profile.
/// </summary>
internal static class MessageVariables
{
    /// <param name="clickStored">The campaign's <see cref="ClickStoredValues"/>, gathered once per campaign: asking every stage
    /// for them at every send made checking a campaign quadratic in its number of stages.</param>
    public static TemplateVariableCatalog For(
        CampaignScope scope, StageDecl stage, SendAction send, bool carriesIncentive, IReadOnlyList<(string Name, int? Length)> clickStored)
    {
        var campaign = scope.Campaign;
        var catalogue = TemplateVariableCatalog.Create(scope.Schema)
            .WithMaxLength("campaign.name", campaign.Name.Name.Length)
            .WithMaxLength("campaign.title", campaign.Title?.Value.Length ?? 0)
            .WithMaxLength("stage.name", stage.Name.Name.Length);

        var sender = send.Options.OfType<SenderOverride>().Select(s => s.Address.Value).FirstOrDefault()
            ?? campaign.Settings.Where(s => s.Key.Name == "from").Select(s => (s.Value as StringLiteral)?.Value).FirstOrDefault();
        if (sender is not null)
        {
            var (name, address) = SplitSender(sender);
            catalogue = catalogue.WithMaxLength("sender.name", name.Length).WithMaxLength("sender.email", address.Length);
        }

        foreach (var (name, length) in clickStored)
        {
            catalogue = catalogue.Find(name) is { Kind: not TemplateVariableKind.ClickStored }
                ? catalogue
                : catalogue.With(new TemplateVariable(name, TemplateVariableKind.ClickStored, length, "a value a click stored on the profile"));
        }

        if (!carriesIncentive)
        {
            return catalogue.WithoutIncentive();
        }

        var incentives = send.Incentives
            .Select(use => scope.Incentives.GetValueOrDefault(use.Incentive.Name))
            .OfType<IncentiveDecl>()
            .Select(decl => Properties(scope, decl))
            .ToList();
        return incentives.Count == 0 ? catalogue : WithIncentives(catalogue, incentives);
    }

    /// <summary>"Anna from Shop &lt;anna@shop.example&gt;" is the name "Anna from Shop" and the address "anna@shop.example".</summary>
    private static (string Name, string Address) SplitSender(string sender)
    {
        var open = sender.IndexOf('<', StringComparison.Ordinal);
        var close = sender.IndexOf('>', StringComparison.Ordinal);
        return open >= 0 && close > open
            ? (sender[..open].Trim().Trim('"'), sender[(open + 1)..close].Trim())
            : ("", sender.Trim());
    }

    /// <summary>Each value a click rule sets, with its length when it is a quoted text (a tag taken from the link has none).</summary>
    public static IReadOnlyList<(string Name, int? Length)> ClickStoredValues(CampaignDecl campaign) =>
        campaign.Stages.SelectMany(s => s.ClickRules)
            .Where(rule => !rule.Target.IsMissing)
            .GroupBy(rule => rule.Target.Name, StringComparer.Ordinal)
            .Select(group => (group.Key, Max(group.Select(rule => rule.Value is StringLiteral text ? (int?)text.Value.Length : null))))
            .ToList();

    /// <summary>The printed length of each field an incentive declares, its base's first (a refinement overrides them).</summary>
    private static Dictionary<string, int?> Properties(CampaignScope scope, IncentiveDecl incentive)
    {
        var chain = new List<IncentiveDecl>();
        for (var current = incentive; current is not null && !chain.Contains(current);
             current = current.Base is { } parent ? scope.Incentives.GetValueOrDefault(parent.Name) : null)
        {
            chain.Insert(0, current);
        }

        var fields = new Dictionary<string, int?>(StringComparer.Ordinal)
        {
            ["incentive.name"] = incentive.Name.Name.Length,
            ["incentive.title"] = incentive.Title?.Value.Length ?? chain.Select(i => i.Title?.Value.Length).LastOrDefault(l => l is not null) ?? 0,
        };
        foreach (var property in chain.SelectMany(i => i.Properties).Where(p => !p.Key.IsMissing))
        {
            var key = "incentive." + property.Key.Name;
            fields[key] = property.Key.Name switch
            {
                "code" when property.Value is StringLiteral pattern => IncentiveCodePattern.MaxLength(pattern.Value),
                "free_shipping" => 5,
                _ => PrintedLength(property.Value),
            };
        }

        return fields;
    }

    private static int? PrintedLength(Expression? value) => value switch
    {
        null => 5,
        StringLiteral text => text.Value.Length,
        PercentLiteral percent => percent.Value.ToString(CultureInfo.InvariantCulture).Length + 1,
        NumberLiteral number => number.Value.ToString(CultureInfo.InvariantCulture).Length,
        MoneyLiteral money => money.Currency.Length + 1 + money.Amount.ToString("0.00", CultureInfo.InvariantCulture).Length,
        BooleanLiteral => 5,
        DateLiteral => TemplateVariableCatalog.DateMaxLength,
        _ => null,
    };

    /// <summary>The fields of the incentives a send carries; a field some of them lack keeps the catalogue's general bound.</summary>
    private static TemplateVariableCatalog WithIncentives(TemplateVariableCatalog catalogue, List<Dictionary<string, int?>> incentives)
    {
        foreach (var key in incentives.SelectMany(i => i.Keys).Distinct(StringComparer.Ordinal))
        {
            var general = catalogue.Find(key)?.MaxLength;
            var length = Max(incentives.Select(i => i.TryGetValue(key, out var own) ? own : general));
            catalogue = catalogue.Find(key) is null
                ? catalogue.With(new TemplateVariable(key, TemplateVariableKind.Incentive, length, $"the incentive's {key["incentive.".Length..]}"))
                : catalogue.WithMaxLength(key, length);
        }

        return catalogue;
    }

    /// <summary>The largest of some lengths; null (no bound) when any is null.</summary>
    private static int? Max(IEnumerable<int?> lengths)
    {
        var max = 0;
        foreach (var length in lengths)
        {
            if (length is not { } value)
            {
                return null;
            }

            max = Math.Max(max, value);
        }

        return max;
    }
}
