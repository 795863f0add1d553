using System.Collections.Immutable;
using CampaignDsl.Compiler.Text;

namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// What a tag says: <c>formatDate incentive.expires_at format="d MMM"</c> is the head <c>formatDate</c>,
/// one parameter and one hash pair; <c>#each items as |item|</c> also names a block parameter.
/// With no parameters and no hash the head is a value to print or test; otherwise it names a helper.
/// </summary>
public sealed record TagExpression(
    TextSpan Span,
    TemplateValue? Head,
    ImmutableArray<TemplateValue> Parameters,
    ImmutableArray<TemplateHashPair> Hash,
    ImmutableArray<string> BlockParameters)
{
    public bool IsHelperCall => Parameters.Length > 0 || Hash.Length > 0;

    /// <summary>The head as written when it is a plain path (a helper or block name such as <c>if</c>), else null.</summary>
    public string? HeadName => Head is TemplatePath path ? path.Written : null;
}

/// <summary>A value inside a tag: a path, a literal, or a parenthesised helper call.</summary>
public abstract record TemplateValue(TextSpan Span);

/// <summary>
/// <c>first_name</c>, <c>incentive.code</c>, <c>this.title</c>, <c>../name</c>, <c>@index</c>,
/// <c>@root.first_name</c>, <c>[first name]</c>. <see cref="Parts"/> leaves out <c>this</c>, <c>..</c>
/// and the <c>@</c>; <c>@root.first_name</c> has the parts <c>root</c>, <c>first_name</c>.
/// </summary>
public sealed record TemplatePath(TextSpan Span, string Written, ImmutableArray<string> Parts, bool IsData, bool IsThis, int ParentDepth)
    : TemplateValue(Span)
{
    public string Name => string.Join('.', Parts);

    /// <summary><c>@root.x</c>: a name looked up from the template's root, wherever it stands.</summary>
    public bool IsRootData => IsData && Parts.Length > 0 && Parts[0] == "root";

    /// <summary>
    /// A name relative to the current context rather than the root: <c>this</c>, <c>./x</c>,
    /// <c>../x</c>, or a data variable such as <c>@index</c> (but not <c>@root.x</c>).
    /// </summary>
    public bool IsContextual => IsThis || ParentDepth > 0 || (IsData && !IsRootData);

    /// <summary>The name from the root: <c>first_name</c> for both <c>first_name</c> and <c>@root.first_name</c>.</summary>
    public string RootName => IsRootData ? string.Join('.', Parts.Skip(1)) : Name;
}

/// <summary><c>"text"</c>, <c>'text'</c>, <c>42</c>, <c>true</c>, <c>null</c>, <c>undefined</c>.</summary>
public sealed record TemplateLiteral(TextSpan Span, string Text) : TemplateValue(Span);

/// <summary><c>(helper arg ...)</c>: a helper call whose result is a parameter of another.</summary>
public sealed record TemplateSubExpression(TextSpan Span, TagExpression Expression) : TemplateValue(Span);

/// <summary><c>key=value</c>.</summary>
public sealed record TemplateHashPair(TextSpan Span, string Key, TemplateValue Value);
