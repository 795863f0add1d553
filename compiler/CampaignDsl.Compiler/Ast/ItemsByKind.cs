using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace CampaignDsl.Compiler.Ast;

/// <summary>
/// The items of one node sorted out by kind once, on first use: a campaign's stages, settings and policies are asked
/// for by every check at every stage, and filtering all items each time made checking a campaign quadratic in its
/// number of stages. It is no part of its node's value: equal for every instance, so records compare as before.
/// </summary>
internal sealed class ItemsByKind<TItem>(ImmutableArray<TItem> items)
{
    private readonly ConcurrentDictionary<Type, object> _byKind = new();

    public ImmutableArray<T> Of<T>()
        where T : TItem =>
        (ImmutableArray<T>)_byKind.GetOrAdd(typeof(T), static (_, all) => all.OfType<T>().ToImmutableArray(), items);

    public override bool Equals(object? obj) => obj is ItemsByKind<TItem>;

    public override int GetHashCode() => 0;
}
