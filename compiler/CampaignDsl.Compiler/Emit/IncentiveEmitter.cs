using System.Collections.Immutable;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// The incentives the plan holds (the campaign's own, then those its sends carry), each with its
/// inheritance resolved by <see cref="IncentiveResolver"/>: the chain of names, the effective properties
/// (each located where the incentive in the chain that sets it says so), the code pattern and the expiry.
/// </summary>
internal static class IncentiveEmitter
{
    private const string CodeKey = "code";
    private const string TitleKey = "title";

    public static ImmutableArray<PlanIncentive> Emit(EmitContext context)
    {
        var names = context.Scope.Campaign.Incentives.Where(i => !i.Name.IsMissing).Select(i => i.Name.Name)
            .Concat(context.UsedIncentives)
            .Distinct(StringComparer.Ordinal);
        return [.. names.Select(name => IncentiveResolver.Resolve(context.Scope, name)).OfType<ResolvedIncentive>().Select(i => Emit(context, i))];
    }

    private static PlanIncentive Emit(EmitContext context, ResolvedIncentive incentive)
    {
        var prefix = $"incentive.{incentive.Name}";
        var id = context.Id(prefix, context.SourceOf(incentive.Declaration), incentive.Declaration);
        var chain = incentive.Chain.Select(name => context.Scope.Incentives.GetValueOrDefault(name)).OfType<IncentiveDecl>().ToList();

        var properties = ImmutableArray.CreateBuilder<PlanIncentiveProperty>();
        foreach (var (key, value) in incentive.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key is CodeKey or TitleKey)
            {
                continue;
            }

            var (declaration, property) = Setter(chain, key);
            var source = declaration is null ? context.Source : context.SourceOf(declaration);
            var propertyId = property is null ? $"{prefix}.{key}" : context.Id($"{prefix}.{key}", source, property);
            properties.Add(new PlanIncentiveProperty(propertyId, key, value is null ? null : context.Expression(value, propertyId + ".value", source)));
        }

        var code = incentive.Properties.GetValueOrDefault(CodeKey) as StringLiteral;
        var title = incentive.Title ?? (incentive.Properties.GetValueOrDefault(TitleKey) as StringLiteral)?.Value;
        return new PlanIncentive(id, incentive.Name, title, incentive.Chain, properties.ToImmutable(), code?.Value, Expiry(context, chain, incentive.Expiry, prefix));
    }

    /// <summary>The nearest incentive in the chain that sets <paramref name="key"/>, and its property.</summary>
    private static (IncentiveDecl? Declaration, IncentiveProperty? Property) Setter(List<IncentiveDecl> chain, string key)
    {
        // The chain runs from the most basic incentive to the incentive itself; the nearest setter is the last.
        foreach (var declaration in Enumerable.Reverse(chain))
        {
            if (declaration.Properties.FirstOrDefault(p => p.Key.Name == key) is { } property)
            {
                return (declaration, property);
            }
        }

        return (null, null);
    }

    private static PlanExpiry? Expiry(EmitContext context, List<IncentiveDecl> chain, IncentiveExpiry? expiry, string prefix)
    {
        if (expiry is null)
        {
            return null;
        }

        var declaration = chain.FirstOrDefault(d => d.Expiries.Any(e => ReferenceEquals(e, expiry)));
        var id = context.Id($"{prefix}.expires", declaration is null ? context.Source : context.SourceOf(declaration), expiry);
        return expiry.After is { } after
            ? new PlanExpiry(id, PlanExpiry.Relative, PlanValues.Seconds(after), expiry.Anchor?.Name ?? "send", null, null)
            : new PlanExpiry(id, PlanExpiry.Absolute, null, null, expiry.Date is { } date ? PlanValues.Date(date.Value) : null,
                expiry.At is { } at ? PlanValues.Time(at.Value) : null);
    }
}
