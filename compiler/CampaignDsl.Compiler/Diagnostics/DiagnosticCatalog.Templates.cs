using CampaignDsl.Compiler.Text;
using CampaignDsl.Compiler.Templates;

namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>Diagnostics of message templates, subject lines and inline bodies (CDSL0060-CDSL0069).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor TemplateNotFound = Error("CDSL0060", "Template file not found",
        "A send names a template file that does not exist. The path is read from the campaign file's folder: " +
        "`send email \"templates/welcome.hbs\"` in `campaigns/welcome.campaign` reads `campaigns/templates/welcome.hbs`.");

    public static readonly DiagnosticDescriptor TemplateUnreadable = Error("CDSL0061", "Template file cannot be read",
        "The template file exists but is not UTF-8 text (it is UTF-16, binary, or has bytes that are not UTF-8), " +
        "is larger than 1 MB, or the system refused to read it. Re-save it as UTF-8 text.");

    public static readonly DiagnosticDescriptor TemplateSyntaxError = Error("CDSL0062", "Template syntax error",
        "A template, subject line or inline body is not valid Handlebars: a tag that is never closed, a block closed " +
        "with another name, an `{{else}}` outside a block. The template is also compiled with Handlebars.Net, the engine " +
        "that renders it, and anything it refuses is reported here. A Scriban template (`.sbn`, `.sbn-html`) is parsed with Scriban.");

    public static readonly DiagnosticDescriptor UnknownTemplateVariable = Error("CDSL0063", "Unknown template variable",
        "A template uses a name that is neither a contact attribute, an incentive field, a built-in value " +
        "(`unsubscribe_url`, `view_in_browser_url`, `preferences_url`, `campaign.name`, `campaign.title`, `stage.name`, " +
        "`sender.name`) nor a value a click stores (`on click ... set`). It would render as empty text. Names inside " +
        "`{{#each}}` and `{{#with}}` are relative to the item and are not checked.");

    public static readonly DiagnosticDescriptor IncentiveFieldWithoutIncentive = Error("CDSL0064", "Incentive field in a message without an incentive",
        "A template shows a field of the incentive (`{{incentive.code}}`), but the send carries no incentive, so it would " +
        "render as empty text: \"use code  at checkout\". Add `incentive NAME` to the send, or show the field only " +
        "`{{#if incentive}}`.");

    public static readonly DiagnosticDescriptor MissingUnsubscribeLink = Error("CDSL0065", "Marketing email without an unsubscribe link",
        "Marketing email must let the recipient unsubscribe (CAN-SPAM, GDPR; Gmail and Yahoo require it of bulk senders). " +
        "Every campaign type is marketing. Add `<a href=\"{{unsubscribe_url}}\">Unsubscribe</a>`; a provider's own " +
        "placeholder (`{{{unsubscribe}}}`, `<%asm_group_unsubscribe_raw_url%>`, `[Unsubscribe]`, `{{{ pm:unsubscribe }}}`) counts too.");

    public static readonly DiagnosticDescriptor SmsTooLong = Error("CDSL0066", "SMS longer than one segment",
        "An SMS holds 160 GSM-7 characters, or 70 when any character is outside GSM-7 (such as an emoji or a curly quote), " +
        "and longer texts are sent, and billed, as several segments of 153 or 67. The length counts every variable at its " +
        "longest (a first name at 40 characters) and the longer part of every `{{#if}}`/`{{else}}`; characters of GSM-7's " +
        "extension table (`{ } [ ] ~ ^ | \\ €`) count twice.");

    public static readonly DiagnosticDescriptor SmsLengthUnbounded = Warning("CDSL0067", "SMS length cannot be bounded",
        "An SMS prints something with no maximum length (a free-text attribute such as `city`, a helper's output, an " +
        "`{{#each}}` loop, a partial), so whether it fits one segment cannot be checked. It is counted as empty.");

    public static Diagnostic TemplateFileMissing(SourceLocation at, string written, string lookedFor, string? suggestion) =>
        TemplateNotFound.Create(at, written == lookedFor
            ? $"template `{written}` does not exist{DidYouMean(suggestion)}"
            : $"template `{written}` does not exist (looked for `{lookedFor}`){DidYouMean(suggestion)}");

    public static Diagnostic TemplateNotReadable(SourceLocation at, string path, string reason) =>
        TemplateUnreadable.Create(at, $"template `{path}` cannot be read: {reason}");

    public static Diagnostic TemplateNotText(SourceLocation at, string path, TextDecodeProblem problem) =>
        TemplateUnreadable.Create(at, problem.Kind switch
        {
            TextDecodeProblemKind.TooLarge => $"template `{path}` is larger than {TemplateDecoder.MaxBytes / 1024 / 1024} MB; is it really a template?",
            TextDecodeProblemKind.Utf16 => $"template `{path}` is UTF-16; re-save it as UTF-8",
            TextDecodeProblemKind.Binary => $"template `{path}` contains NUL bytes, so it is not a text file",
            _ => $"template `{path}` is not valid UTF-8 (byte 0x{problem.Byte ?? 0:X2} here); re-save it as UTF-8",
        });

    public static Diagnostic TemplateSyntax(SourceLocation at, string detail) => TemplateSyntaxError.Create(at, detail);

    public static Diagnostic TemplateVariableNotFound(SourceLocation at, string name, string? suggestion) =>
        UnknownTemplateVariable.Create(at, $"`{name}` is not a contact attribute, incentive field or built-in value{DidYouMean(suggestion)}");

    public static Diagnostic IncentiveFieldNeedsIncentive(SourceLocation at, string name, string stage) =>
        IncentiveFieldWithoutIncentive.Create(at, string.IsNullOrEmpty(stage)
            ? $"`{name}` shows the incentive, but the message carries none; add `incentive NAME` to the send, or show it only inside `{{{{#if incentive}}}}`"
            : $"`{name}` shows the incentive, but stage `{stage}` sends this without one; add `incentive NAME` to that send, or show it only inside `{{{{#if incentive}}}}`");

    public static Diagnostic EmailWithoutUnsubscribeLink(SourceLocation at, string what, string? campaignType) =>
        MissingUnsubscribeLink.Create(at, $"{what} has no unsubscribe link, which {(campaignType is null ? "marketing email" : $"every email of a `{campaignType}` campaign")} must carry; add `<a href=\"{{{{unsubscribe_url}}}}\">Unsubscribe</a>`");

    public static Diagnostic SmsOverOneSegment(SourceLocation at, SmsSize size, string? nonGsmCharacter) =>
        SmsTooLong.Create(at, size.Encoding == SmsEncoding.Gsm7
            ? $"this SMS can be {size.Length} GSM-7 characters long, over the {size.SingleSegmentLimit} of one segment; it would go out as {size.Segments} segments. Shorten it"
            : $"this SMS can be {size.Length} UCS-2 characters long, over the {size.SingleSegmentLimit} of one segment; it would go out as {size.Segments} segments. " +
              $"{(nonGsmCharacter is null ? "A character outside GSM-7" : $"{Visible(nonGsmCharacter)}, which is outside GSM-7,")} limits it to 70; replace it, or shorten the text");

    public static Diagnostic SmsValueUnbounded(SourceLocation at, UnboundedValue value) =>
        SmsLengthUnbounded.Create(at, value.Reason switch
        {
            UnboundedReason.Helper => $"the output of `{value.Name}` has no maximum length, so this SMS's length cannot be checked; it is counted as empty",
            UnboundedReason.Loop => $"`{{{{#{value.Name}}}}}` may repeat its content, so this SMS's length cannot be checked; it is counted as empty",
            UnboundedReason.Partial => $"the partial `{value.Name}` is not checked, so this SMS's length cannot be checked; it is counted as empty",
            _ => $"`{value.Name}` has no maximum length, so this SMS's length cannot be checked; it is counted as empty",
        });
}
