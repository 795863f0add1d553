using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// A name a template looks up: <c>first_name</c> in <c>{{first_name}}</c>, <c>incentive</c> in
/// <c>{{#if incentive}}</c>, <c>incentive.expires_at</c> in <c>{{formatDate incentive.expires_at}}</c>.
/// A <see cref="IsScoped"/> reference is relative to a block's item or context (inside <c>#each</c> or
/// <c>#with</c>, or <c>this</c>, <c>../x</c>, <c>@index</c>) and is not a contact variable. <see cref="Guards"/>
/// are the names the enclosing blocks test: the reference only renders when each of them has a value.
/// </summary>
public sealed record VariableReference(TextSpan Span, string Name, ReferenceRole Role, bool IsScoped, ImmutableArray<string> Guards, TemplatePath Path)
{
    /// <summary>Whether a block around this reference renders only when <paramref name="name"/> (or a field of it) has a value.</summary>
    public bool IsGuardedBy(string name) =>
        Guards.Any(g => g == name || (g.Length > name.Length && g.StartsWith(name, StringComparison.Ordinal) && g[name.Length] == '.'));
}

public enum ReferenceRole
{
    /// <summary>Printed: <c>{{first_name}}</c>, <c>{{{unsubscribe_url}}}</c>.</summary>
    Output,

    /// <summary>Tested: <c>{{#if incentive}}</c>, <c>{{#unless x}}</c>, <c>{{^x}}</c>, <c>{{else if x}}</c>.</summary>
    Condition,

    /// <summary>The context of a block: <c>{{#each items}}</c>, <c>{{#with incentive}}</c>, <c>{{#items}}</c>.</summary>
    BlockContext,

    /// <summary>Passed to a helper: <c>{{formatDate incentive.expires_at}}</c>, <c>(helper x)</c>, <c>key=x</c>.</summary>
    HelperArgument,

    /// <summary>Passed to a partial: <c>{{&gt; card incentive title=x}}</c>.</summary>
    PartialArgument,
}

/// <summary>A helper a template calls, such as <c>formatDate</c> in <c>{{formatDate incentive.expires_at}}</c>.</summary>
public sealed record HelperCall(TextSpan Span, string Name);
