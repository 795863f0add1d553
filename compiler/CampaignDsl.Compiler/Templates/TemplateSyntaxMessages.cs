namespace CampaignDsl.Compiler.Templates;

/// <summary>
/// The wording of every template syntax error, in one place. Each says what is wrong and what to
/// write instead; CDSL0062 carries it (see DiagnosticCatalog.Templates.cs).
/// </summary>
internal static class TemplateSyntaxMessages
{
    // Braces spelt out once, so that the messages below read as the tags they show.
    private const string O = "{{";
    private const string C = "}}";

    public const string UnclosedTag = "this `{{` is never closed; end the tag with `}}`";

    public const string UnclosedQuote = "this tag is never closed: a quote inside it has no closing quote";

    public const string UnclosedComment = "this comment is never closed; end it with `}}`";

    public const string UnclosedLongComment = "this comment is never closed; end it with `--}}`";

    public const string TripleClosedWithDouble = "a tag opened with `{{{` must be closed with `}}}`";

    public const string DoubleClosedWithTriple = "a tag opened with `{{` is closed with `}}}`; write `}}`, or open it with `{{{`";

    public const string EmptyTag = "this tag is empty; name a value, such as `{{first_name}}`";

    public const string BlockWithoutName = "this block tag names no helper; write such as `{{#if incentive}}`";

    public const string ElseOutsideBlock = "`{{else}}` stands outside any block; it belongs between `{{#if ...}}` and `{{/if}}`";

    public const string UnclosedSubexpression = "this `(` is never closed with `)`";

    public const string UnclosedBlockParams = "the block parameters `as |...|` are never closed with `|`";

    public static string RawCloseWithoutOpen(string name) => $"`{O}{O}/{name}{C}{C}` closes no raw block";

    public static string UnclosedRawBlock(string name) => $"the raw block `{O}{O}{name}{C}{C}` is never closed; add `{O}{O}/{name}{C}{C}`";

    public static string Unexpected(string found) => $"unexpected `{found}` in this tag";

    public static string HashWithoutValue(string key) => $"`{key}=` needs a value after `=`";

    public static string ArgumentCount(string helper) =>
        $"`#{helper}` takes exactly one value, such as `{O}#{helper} {(helper == "each" ? "items" : "incentive")}{C}`";

    public static string CloseWithoutOpen(string name) => $"`{O}/{name}{C}` closes no open block; remove it";

    public static string CloseMismatch(string name, string open, int line) =>
        $"`{O}/{name}{C}` does not close `{O}#{open}{C}`, opened at line {line}; write `{O}/{open}{C}`";

    public static string NeverClosed(string name) => $"`{O}#{name}{C}` is never closed; add `{O}/{name}{C}` where it should end";

    public static string SecondElse(int line) => $"this block already has an `{O}else{C}` at line {line}; a block takes one";

    public static string Scriban(string message) => $"Scriban cannot parse this template: {message}";

    public static string Engine(string message) => $"Handlebars.Net cannot compile this template: {message}";
}
