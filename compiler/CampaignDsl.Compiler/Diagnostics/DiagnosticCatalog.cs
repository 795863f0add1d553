using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>
/// Every compiler diagnostic: its stable code, its help text, and the one method that words each
/// occurrence. Codes are never renumbered or reused; a retired code stays listed as retired.
/// docs/diagnostics.md lists every code here, and a test keeps the two in step. The catalog is
/// split by compiler stage into partial files (DiagnosticCatalog.*.cs); <see cref="All"/> collects them.
/// </summary>
public static partial class DiagnosticCatalog
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Reading the file.
    public static readonly DiagnosticDescriptor InvalidEncoding = Error("CDSL0001", "File is not UTF-8",
        "Campaign files are UTF-8 text. Re-save the file as UTF-8 (most editors: 'Save with encoding').");

    public static readonly DiagnosticDescriptor BinaryFile = Error("CDSL0002", "File is binary",
        "The file contains NUL bytes, so it is not a text file. Check that the path points at a .campaign file.");

    public static readonly DiagnosticDescriptor FileTooLarge = Error("CDSL0003", "File is too large",
        "Campaign files are limited to 1 MB; a larger file is almost always something else (an export, a log).");

    public static readonly DiagnosticDescriptor EmptyFile = Error("CDSL0004", "File holds no campaign",
        "A .campaign file holds one `campaign name \"Title\" { ... }` block.");

    // Lexical and syntax errors.
    public static readonly DiagnosticDescriptor UnexpectedCharacter = Error("CDSL0005", "Unexpected character",
        "A character that has no meaning in the language, such as `;` or `@` outside a quoted text.");

    public static readonly DiagnosticDescriptor UnterminatedString = Error("CDSL0006", "Unterminated text",
        "A quoted text must end with `\"` on the same line. Write `\\\"` for a quote inside the text.");

    public static readonly DiagnosticDescriptor UnterminatedComment = Error("CDSL0007", "Unterminated comment",
        "A `/*` comment must be closed with `*/`.");

    public static readonly DiagnosticDescriptor InvalidEscape = Error("CDSL0008", "Unknown escape sequence",
        "Inside quoted text, a backslash may only start `\\\"`, `\\\\`, `\\n` or `\\t`.");

    public static readonly DiagnosticDescriptor SyntaxError = Error("CDSL0009", "Syntax error",
        "The text does not follow the language's grammar at this point; the message says what was expected.");

    public static readonly DiagnosticDescriptor NestingTooDeep = Error("CDSL0010", "Nesting too deep",
        "Brackets or `not`/`-` prefixes are nested deeper than the compiler accepts; split the expression into segments.");

    // Declarations.
    public static readonly DiagnosticDescriptor DuplicateCampaign = Error("CDSL0011", "Duplicate campaign name",
        "Campaign names identify campaigns in plans, state and reports, so each must be unique across the project.");

    public static readonly DiagnosticDescriptor DuplicateStage = Error("CDSL0012", "Duplicate stage name",
        "Stage names must be unique within a campaign: timelines, reports and `from` anchors refer to them.");

    public static readonly DiagnosticDescriptor UnknownStage = Error("CDSL0013", "Unknown stage",
        "A stage is referred to by a name that no stage of the campaign has.");

    public static readonly DiagnosticDescriptor UnknownName = Error("CDSL0014", "Unknown name",
        "An expression names something that is neither a contact attribute, a segment nor an event type.");

    public static readonly DiagnosticDescriptor UnknownFunction = Error("CDSL0015", "Unknown function",
        "An expression calls a function that does not exist; docs/language.md lists the functions.");

    public static readonly DiagnosticDescriptor WrongArgumentCount = Error("CDSL0016", "Wrong number of arguments",
        "A function is called with more or fewer arguments than it takes.");

    public static readonly DiagnosticDescriptor ArgumentTypeMismatch = Error("CDSL0017", "Argument of the wrong type",
        "A function is given a value of a type it does not accept, such as `days_since(\"x\")`.");

    public static readonly DiagnosticDescriptor OperatorTypeMismatch = Error("CDSL0018", "Operands of the wrong type",
        "An operator is applied to values it cannot combine, such as comparing a number with a duration.");

    public static readonly DiagnosticDescriptor NonPositiveDuration = Error("CDSL0019", "Duration is zero or negative",
        "Waits and look-back windows must be longer than zero.");

    public static readonly DiagnosticDescriptor WindowEndsBeforeStart = Error("CDSL0020", "Window ends before it starts",
        "In `after 5d..7d` the second duration is the latest moment and must not be shorter than the first.");

    public static readonly DiagnosticDescriptor UnknownSetting = Error("CDSL0021", "Unknown setting",
        "A campaign header line starts with a word that is not a setting; docs/language.md lists the settings.");

    public static readonly DiagnosticDescriptor InvalidSettingValue = Error("CDSL0022", "Invalid setting value",
        "A setting is given a value of the wrong kind, or one outside its allowed values.");

    public static readonly DiagnosticDescriptor DuplicateSetting = Error("CDSL0023", "Setting given twice",
        "Each setting may appear once per campaign; the second one would silently win otherwise.");

    public static readonly DiagnosticDescriptor UnknownChannel = Error("CDSL0024", "Unknown channel",
        "Messages are sent on `email`, `sms`, `push` or `webhook`.");

    public static readonly DiagnosticDescriptor ConditionNotBoolean = Error("CDSL0025", "Condition is not yes/no",
        "An audience or segment condition must be true or false for a contact, such as `days_since(last purchase) > 90`.");

    public static readonly DiagnosticDescriptor NoStages = Error("CDSL0026", "Campaign has no stages",
        "A campaign sends through its stages; without one it does nothing.");

    public static readonly DiagnosticDescriptor DuplicateSegment = Error("CDSL0027", "Duplicate segment name",
        "Segment names must be unique within a campaign.");

    public static readonly DiagnosticDescriptor EventUsedAsValue = Error("CDSL0028", "Event used as a value",
        "An event type such as `purchase` is not a value by itself: count it, sum one of its fields, or ask when it last happened.");

    public static readonly DiagnosticDescriptor MissingSubject = Error("CDSL0029", "Email without a subject",
        "Every email needs at least one `subject` line.");

    public static readonly DiagnosticDescriptor WindowNotAllowed = Error("CDSL0030", "Look-back window not allowed here",
        "Only event aggregates (`count`, `sum`, `avg`, `min`, `max`) take a window such as `purchase in 365d`.");

    public static readonly DiagnosticDescriptor UnknownEventField = Error("CDSL0031", "Unknown event field",
        "An event field is named that the event type does not have.");

    public static readonly DiagnosticDescriptor AnchorNotEarlier = Error("CDSL0032", "Stage anchored on itself or a later stage",
        "`from` must name `entry` or a stage declared before this one, since a stage can only wait for what has already happened.");

    public static readonly DiagnosticDescriptor DuplicateAudience = Error("CDSL0033", "Audience given twice",
        "A campaign has one audience block; combine the conditions with `and` / `or`.");

    public static readonly DiagnosticDescriptor SubjectWeightsInvalid = Error("CDSL0034", "A/B weights do not add up",
        "When subject lines carry weights, every subject of the message has one, each above zero, and together they make 100.");

    public static readonly DiagnosticDescriptor MissingTemplate = Error("CDSL0035", "Message without content",
        "A send names its template file, such as `send email \"templates/recognition.hbs\"`, or gives its text inline with `body \"...\"`.");

    public static readonly DiagnosticDescriptor MissingAudience = Error("CDSL0036", "Campaign has no audience",
        "Without an `audience { where ... }` block nobody would enter the campaign.");

    public static readonly DiagnosticDescriptor MissingType = Error("CDSL0037", "Campaign has no type",
        "The `type` setting (welcome, appreciation, retention, winback, reengagement, post_purchase, nurture, custom) decides which checks and benchmarks apply.");

    public static readonly DiagnosticDescriptor NumberOutOfRange = Error("CDSL0038", "Number out of range",
        "A number or duration is too large to mean anything in a campaign.");

    public static readonly DiagnosticDescriptor SegmentCycle = Error("CDSL0039", "Segments refer to each other in a circle",
        "A segment's condition uses itself, directly or through other segments, so it can never be decided.");

    public static readonly DiagnosticDescriptor OptionNotForChannel = Error("CDSL0040", "Option does not fit the channel",
        "Subject lines and preheaders belong to email; SMS, push and webhook messages have none.");

    /// <summary>Every descriptor declared in any part of the catalog, ordered by code.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All => Registry.All;

    /// <summary>Built on first use, after every part's fields are initialised.</summary>
    private static class Registry
    {
        public static readonly ImmutableArray<DiagnosticDescriptor> All =
        [
            .. typeof(DiagnosticCatalog)
                .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
                .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
                .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
                .OrderBy(descriptor => descriptor.Code, StringComparer.Ordinal),
        ];
    }

    public static Diagnostic InvalidUtf8(SourceLocation at, byte value) =>
        InvalidEncoding.Create(at, $"the file is not valid UTF-8 (byte 0x{value:X2} here); re-save it as UTF-8");

    public static Diagnostic Binary(SourceLocation at) =>
        BinaryFile.Create(at, "the file contains NUL bytes, so it is binary, not a campaign file");

    // Files are read only up to one byte past the limit, so the message says "larger than", not the whole size.
    public static Diagnostic TooLarge(SourceLocation at, long limit) =>
        FileTooLarge.Create(at, string.Format(Invariant,
            "the file is larger than {0:0.#} MB, the most a campaign file may be (reading stopped there). Is this really a campaign file?",
            limit / 1048576.0));

    public static Diagnostic NoCampaign(SourceLocation at) =>
        EmptyFile.Create(at, "the file holds no campaign; start it with `campaign my_campaign \"My campaign\" { ... }`");

    public static Diagnostic BadCharacter(SourceLocation at, string character) =>
        UnexpectedCharacter.Create(at, $"unexpected character {Visible(character)}; remove it, or put text in double quotes");

    public static Diagnostic CurlyQuotes(SourceLocation at, string text) =>
        UnexpectedCharacter.Create(at, $"unexpected curly quotes; write text in straight double quotes: \"{text}\"");

    public static Diagnostic UnquotedAddress(SourceLocation at, string address) =>
        UnexpectedCharacter.Create(at, $"unexpected character `@`; put the address in double quotes: \"{address}\"");

    public static Diagnostic OperatorSymbol(SourceLocation at, string symbol, string keyword) =>
        UnexpectedCharacter.Create(at, $"unexpected {Quote(symbol)}; write `{keyword}`");

    public static Diagnostic OpenString(SourceLocation at) =>
        UnterminatedString.Create(at, "this text has no closing `\"` before the end of the line; add one");

    public static Diagnostic OpenComment(SourceLocation at) =>
        UnterminatedComment.Create(at, "this comment is never closed; add `*/` where it should end");

    public static Diagnostic BadEscape(SourceLocation at, string escape) =>
        InvalidEscape.Create(at, $"unknown escape `{escape}` in text; use `\\\"`, `\\\\`, `\\n` or `\\t`, or write `\\\\` for a backslash");

    public static Diagnostic Syntax(SourceLocation at, string expected, string? after, string found) =>
        SyntaxError.Create(at, after is null
            ? $"expected {expected}, found {found}"
            : $"expected {expected} after {after}, found {found}");

    public static Diagnostic UnexpectedInput(SourceLocation at, string found, string where) =>
        SyntaxError.Create(at, $"unexpected {found} {where}");

    public static Diagnostic KeywordAsName(SourceLocation at, string keyword) =>
        SyntaxError.Create(at, $"`{keyword}` is a keyword and cannot be used as a name; choose another name");

    public static Diagnostic TooDeep(SourceLocation at, int limit) =>
        NestingTooDeep.Create(at, $"nesting goes deeper than {limit} levels here; split the condition into named segments");

    public static Diagnostic CampaignDefinedTwice(SourceLocation at, string name, SourceLocation first) =>
        DuplicateCampaign.Create(at, $"campaign `{name}` is already defined at {Describe(first)}; give this one another name");

    public static Diagnostic StageDefinedTwice(SourceLocation at, string name, SourceLocation first) =>
        DuplicateStage.Create(at, $"stage `{name}` is already defined at line {first.Start.Line}; give this one another name");

    public static Diagnostic SegmentDefinedTwice(SourceLocation at, string name, SourceLocation first) =>
        DuplicateSegment.Create(at, $"segment `{name}` is already defined at line {first.Start.Line}; give this one another name");

    public static Diagnostic StageNotFound(SourceLocation at, string name, string? suggestion) =>
        UnknownStage.Create(at, $"there is no stage `{name}` in this campaign{DidYouMean(suggestion)}");

    public static Diagnostic NameNotFound(SourceLocation at, string name, string? suggestion) =>
        UnknownName.Create(at, $"`{name}` is not a contact attribute, segment or event type{DidYouMean(suggestion)}");

    public static Diagnostic FunctionNotFound(SourceLocation at, string name, string? suggestion) =>
        UnknownFunction.Create(at, $"there is no function `{name}`{DidYouMean(suggestion)}");

    public static Diagnostic ArgumentCount(SourceLocation at, string function, string signature, int given) =>
        WrongArgumentCount.Create(at, $"`{function}` takes {signature}, but is given {Count(given, "argument")}");

    public static Diagnostic ArgumentType(SourceLocation at, string function, int position, string expected, string actual) =>
        ArgumentTypeMismatch.Create(at, $"argument {position} of `{function}` must be {expected}, not {actual}");

    public static Diagnostic OperandTypes(SourceLocation at, string operation, string left, string right, string? hint) =>
        OperatorTypeMismatch.Create(at, $"cannot {operation} {left} and {right}{(hint is null ? "" : "; " + hint)}");

    public static Diagnostic OperandType(SourceLocation at, string operation, string expected, string actual) =>
        OperatorTypeMismatch.Create(at, $"`{operation}` needs {expected}, not {actual}");

    public static Diagnostic ListLookup(SourceLocation at, string value, string list) =>
        OperatorTypeMismatch.Create(at, $"cannot look up {value} in {list}; the list must hold values of the same type");

    public static Diagnostic DurationNotPositive(SourceLocation at, string written) =>
        NonPositiveDuration.Create(at, $"the duration `{written}` must be longer than zero");

    public static Diagnostic WindowReversed(SourceLocation at, string earliest, string latest) =>
        WindowEndsBeforeStart.Create(at, $"the window `{earliest}..{latest}` ends before it starts; write `{latest}..{earliest}`");

    public static Diagnostic SettingNotFound(SourceLocation at, string key, string? suggestion) =>
        UnknownSetting.Create(at, $"`{key}` is not a campaign setting{DidYouMean(suggestion)}");

    public static Diagnostic SettingValue(SourceLocation at, string key, string expected, string? suggestion) =>
        InvalidSettingValue.Create(at, $"`{key}` takes {expected}{DidYouMean(suggestion)}");

    public static Diagnostic SettingGivenTwice(SourceLocation at, string key, SourceLocation first) =>
        DuplicateSetting.Create(at, $"`{key}` is already set at line {first.Start.Line}; keep one");

    public static Diagnostic ChannelNotFound(SourceLocation at, string channel, string? suggestion) =>
        UnknownChannel.Create(at, $"`{channel}` is not a channel; use email, sms, push or webhook{DidYouMean(suggestion)}");

    public static Diagnostic NotACondition(SourceLocation at, string what, string actual) =>
        ConditionNotBoolean.Create(at, $"{what} must be a yes/no condition, but this is {actual}; compare it, e.g. `... > 90`");

    public static Diagnostic CampaignWithoutStages(SourceLocation at, string name) =>
        NoStages.Create(at, $"campaign `{name}` has no stages; add one such as `stage welcome {{ send email \"templates/welcome.hbs\" subject \"Welcome\" }}`");

    public static Diagnostic EventAsValue(SourceLocation at, string eventType) =>
        EventUsedAsValue.Create(at, $"`{eventType}` is an event type, not a value; write `count({eventType})`, `last {eventType}` or `days_since(last {eventType})`");

    public static Diagnostic EventFieldAsValue(SourceLocation at, string field, string eventType, bool numeric) =>
        EventUsedAsValue.Create(at, numeric
            ? $"`{field}` is a field of `{eventType}` events, not a value; aggregate it, such as `sum({field})` or `max({field})`"
            : $"`{field}` is a field of `{eventType}` events, not a value; only numeric event fields can be used, aggregated, such as `sum(purchase.amount)`");

    public static Diagnostic EmailWithoutSubject(SourceLocation at) =>
        MissingSubject.Create(at, "this email has no subject; add `subject \"...\"`");

    public static Diagnostic WindowOnNonAggregate(SourceLocation at, string function) =>
        WindowNotAllowed.Create(at, $"`{function}` does not take a look-back window; only count, sum, avg, min and max do");

    public static Diagnostic EventFieldNotFound(SourceLocation at, string eventType, string field, string? suggestion) =>
        UnknownEventField.Create(at, $"`{eventType}` events have no field `{field}`{DidYouMean(suggestion)}");

    public static Diagnostic AnchorMustBeEarlier(SourceLocation at, string stage, string anchor) =>
        AnchorNotEarlier.Create(at, anchor == stage
            ? $"stage `{stage}` cannot wait for itself; name an earlier stage or `entry`"
            : $"stage `{stage}` cannot wait for `{anchor}`, which comes later; name an earlier stage or `entry`");

    public static Diagnostic AudienceGivenTwice(SourceLocation at, SourceLocation first) =>
        DuplicateAudience.Create(at, $"the audience is already given at line {first.Start.Line}; combine both conditions in one block");

    public static Diagnostic WeightsDoNotAddUp(SourceLocation at, decimal total) =>
        SubjectWeightsInvalid.Create(at, string.Format(Invariant, "the subject weights add up to {0}, not 100; adjust them", total));

    public static Diagnostic WeightMissing(SourceLocation at) =>
        SubjectWeightsInvalid.Create(at, "this subject has no weight while others of the same message do; give every variant a weight");

    public static Diagnostic WeightNotPositive(SourceLocation at) =>
        SubjectWeightsInvalid.Create(at, "a subject weight must be above zero; remove the variant instead");

    public static Diagnostic SendWithoutTemplate(SourceLocation at, string channel) =>
        MissingTemplate.Create(at, $"this {channel} message has no content; name a template (`send {channel} \"templates/name.hbs\"`) or write its text with `body \"...\"`");

    public static Diagnostic CampaignWithoutAudience(SourceLocation at, string name) =>
        MissingAudience.Create(at, $"campaign `{name}` has no audience; add `audience {{ where ... }}`");

    public static Diagnostic CampaignWithoutType(SourceLocation at, string name) =>
        MissingType.Create(at, $"campaign `{name}` has no type; add a line such as `type reengagement`");

    public static Diagnostic NumberTooLarge(SourceLocation at, string written) =>
        NumberOutOfRange.Create(at, $"`{written}` is too large; use a smaller number");

    public static Diagnostic SegmentsInCircle(SourceLocation at, IEnumerable<string> path) =>
        SegmentCycle.Create(at, $"segments refer to each other in a circle ({string.Join(" -> ", path)}); break the circle");

    public static Diagnostic SubjectOnNonEmail(SourceLocation at, string channel) =>
        OptionNotForChannel.Create(at, $"{channel} messages have no subject line; remove it, or send by email");

    public static Diagnostic PreheaderOnNonEmail(SourceLocation at, string channel) =>
        OptionNotForChannel.Create(at, $"{channel} messages have no preheader; remove it, or send by email");

    private static string DidYouMean(string? suggestion) => suggestion is null ? "" : $"; did you mean `{suggestion}`?";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    // Invisible characters (controls, zero-width spaces) are named by code point: shown raw they
    // would be invisible in the message, and an escape character could recolour a terminal.
    private static string Visible(string text) =>
        text.EnumerateRunes().Any(r => Rune.IsControl(r) || Rune.IsWhiteSpace(r) || Rune.GetUnicodeCategory(r) is UnicodeCategory.Format)
            ? string.Join(' ', text.EnumerateRunes().Select(r => string.Format(Invariant, "U+{0:X4}", r.Value)))
            : Quote(text);

    private static string Quote(string text) => text.Contains('`', StringComparison.Ordinal) ? $"'{text}'" : $"`{text}`";

    private static string Describe(SourceLocation location) => $"{location.Path}:{location.Start.Line}";

    private static DiagnosticDescriptor Error(string code, string title, string help) =>
        new(code, title, DiagnosticSeverity.Error, help);

    private static DiagnosticDescriptor Warning(string code, string title, string help) =>
        new(code, title, DiagnosticSeverity.Warning, help);
}
