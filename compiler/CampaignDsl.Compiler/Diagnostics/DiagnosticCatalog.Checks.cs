namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>
/// Diagnostics of binding and checking the language's constructs: imports, incentives, the audience's
/// entry, policies, stage conditions and variants, click rules (CDSL0043-CDSL0059, CDSL0080-CDSL0099).
/// </summary>
public static partial class DiagnosticCatalog
{
    // Imports.
    public static readonly DiagnosticDescriptor ImportMissing = Error("CDSL0043", "Imported file not found",
        "`import \"x.campaign\"` is read relative to the importing file's folder; the file must exist and be readable.");

    public static readonly DiagnosticDescriptor ImportCycle = Error("CDSL0044", "Files import each other in a circle",
        "A file imports itself, directly or through other files; shared declarations must come from a file that imports none of its importers.");

    public static readonly DiagnosticDescriptor ImportNotCampaign = Error("CDSL0045", "Import is not a .campaign file",
        "Only .campaign files hold segments and incentives to import; templates are named by sends, not imported.");

    public static readonly DiagnosticDescriptor DuplicateImport = Warning("CDSL0046", "File imported twice",
        "The same file is imported twice by one file; the second import adds nothing.");

    // Incentives.
    public static readonly DiagnosticDescriptor DuplicateIncentive = Error("CDSL0047", "Duplicate incentive name",
        "Incentive names must be unique within a campaign, and among a file's top-level incentives.");

    public static readonly DiagnosticDescriptor UnknownIncentive = Error("CDSL0048", "Unknown incentive",
        "A send (`incentive back20`) or a refinement (`incentive vip40 : back20`) names an incentive that is not declared in the campaign, its file, or a file it imports.");

    public static readonly DiagnosticDescriptor IncentiveCycle = Error("CDSL0049", "Incentives inherit in a circle",
        "An incentive refines itself, directly or through other incentives, so its properties can never be worked out.");

    public static readonly DiagnosticDescriptor UnknownIncentiveProperty = Error("CDSL0050", "Unknown incentive property",
        "An incentive holds `discount`, `credit`, `free_shipping`, `bonus_product`, `coupon_reminder`, `code`, `min_order`, `title` and `expires`.");

    public static readonly DiagnosticDescriptor InvalidIncentiveValue = Error("CDSL0051", "Invalid incentive value",
        "An incentive property has a value of the wrong kind or outside its range, such as `discount 120%` or `free_shipping yes`.");

    public static readonly DiagnosticDescriptor DuplicateIncentiveProperty = Error("CDSL0052", "Incentive property given twice",
        "Each property, and `expires`, appears once per incentive; the second one would silently win otherwise.");

    public static readonly DiagnosticDescriptor NoBenefit = Error("CDSL0053", "Incentive offers nothing",
        "After inheritance an incentive gives at least one of `discount`, `credit`, `free_shipping`, `bonus_product` or `coupon_reminder`.");

    public static readonly DiagnosticDescriptor InvalidExpiryAnchor = Error("CDSL0054", "Expiry counted from an unknown or later moment",
        "`expires 72h after X` counts from `send` (the send that carries the incentive) or from a stage of the campaign sent no later than the stage carrying it.");

    public static readonly DiagnosticDescriptor ExpiresBeforeSend = Error("CDSL0055", "Incentive expires before it is sent",
        "An incentive's expiry is over before the message carrying it goes out, so the contact receives a code that no longer works.");

    public static readonly DiagnosticDescriptor OfferExpiredInLaterStage = Error("CDSL0056", "Later stage carries an expired offer",
        "A contact has one code per incentive, valid from the first send that carries it; a later stage that carries the same incentive after it expired reminds the contact of a dead code.");

    // Audience.
    public static readonly DiagnosticDescriptor DuplicateAudienceItem = Error("CDSL0057", "Audience line given twice",
        "An audience has at most one `where`, one `entry` and one `reentry`; combine conditions with `and` / `or`.");

    public static readonly DiagnosticDescriptor UnknownEntryTrigger = Error("CDSL0058", "Unknown entry trigger",
        "`entry on X` names an event type (`purchase`) or a date attribute (`birthday`); `entry on anniversary of X` a date attribute.");

    public static readonly DiagnosticDescriptor EntryTriggerWrongKind = Error("CDSL0059", "Entry trigger of the wrong kind",
        "`entry on X` needs an event type or a date attribute, and `entry on anniversary of X` a date attribute; X is something else.");

    public static readonly DiagnosticDescriptor EntryOptionMismatch = Error("CDSL0080", "Entry option does not fit the trigger",
        "An event entry takes a `when` condition but no `at` time (the contact enters when the event happens); a date entry takes an `at` time (09:00 by default) but no `when`.");

    public static readonly DiagnosticDescriptor UnboundedAudience = Warning("CDSL0081", "Audience takes every contact",
        "An audience with neither a `where` condition nor an event or date entry lets every contact in the data enter.");

    // Policy.
    public static readonly DiagnosticDescriptor UnknownPolicySetting = Error("CDSL0082", "Unknown policy setting",
        "A policy holds `send_window`, `quiet_hours`, `holdout`, `send_time_optimization`, `cap`, `goal`, `exit when`, `then enroll` and `finally`.");

    public static readonly DiagnosticDescriptor InvalidPolicyValue = Error("CDSL0083", "Invalid policy value",
        "A policy line has a value of the wrong kind or outside its range, such as `holdout 80%` or `cap 0 per 7d`.");

    public static readonly DiagnosticDescriptor DuplicatePolicyItem = Error("CDSL0084", "Policy line given twice",
        "A campaign has one policy block, with each setting, the goal, the hand-off, the final action and the cap over each period once.");

    public static readonly DiagnosticDescriptor GoalNotEvent = Error("CDSL0085", "Goal is not an event type",
        "`goal X within 30d` names the event that counts as success, such as `purchase` or `login`.");

    public static readonly DiagnosticDescriptor UnknownHandoff = Error("CDSL0086", "Hand-off to an unknown campaign",
        "`then enroll X` names another campaign among the files checked together; validate the folder that holds both.");

    public static readonly DiagnosticDescriptor NoSendingTime = Error("CDSL0087", "Send window leaves no time",
        "A send window of no length, or quiet hours that cover all of it, leave no moment at which a message may go out.");

    // Stages.
    public static readonly DiagnosticDescriptor LooksAhead = Error("CDSL0088", "Condition looks at a later stage",
        "`opened`, `clicked` and `purchased_since` in a stage's condition name a stage before it: a condition can only look back.");

    public static readonly DiagnosticDescriptor BehaviourOutOfPlace = Error("CDSL0089", "Behaviour outside a stage condition",
        "`opened`, `clicked`, `purchased_since` and `engaged` ask what a contact did with this campaign's messages, so only stage conditions and `exit when` may use them.");

    public static readonly DiagnosticDescriptor RfmOutOfPlace = Error("CDSL0090", "RFM score in the audience condition",
        "RFM scores rank a contact within the campaign's audience, so the audience's own condition cannot use them; use them in segments and stage conditions.");

    public static readonly DiagnosticDescriptor UnknownVariantSegment = Error("CDSL0091", "Variant for an unknown segment",
        "`for X { ... }` names a segment declared in the campaign, its file, or a file it imports.");

    public static readonly DiagnosticDescriptor MisplacedVariant = Error("CDSL0092", "Misplaced variant",
        "Variants stand side by side in a stage: `for` variants first, then at most one `otherwise`; no variant or condition inside a variant.");

    public static readonly DiagnosticDescriptor NothingToSend = Error("CDSL0093", "Stage or variant without a send",
        "Every stage, and every `for` / `otherwise` variant, sends at least one message.");

    public static readonly DiagnosticDescriptor Unreachable = Error("CDSL0094", "Stage is never sent",
        "A stage's own condition is false for every contact (`when false`, `unless true`), or `exit when` holds for everyone, so the campaign ends at entry.");

    public static readonly DiagnosticDescriptor AfterGoalWindow = Error("CDSL0095", "Stage sent after the goal window",
        "A stage's earliest send, counted from entry, is after `goal ... within` has closed, so it can never help reach the goal.");

    public static readonly DiagnosticDescriptor InvalidClickTarget = Error("CDSL0096", "Click sets an unknown or protected attribute",
        "`on click ... set X = ...` sets a contact attribute (a built-in one or one declared in campaignc.yaml), other than id, email, phone and created_at.");

    public static readonly DiagnosticDescriptor ClickValueMismatch = Error("CDSL0097", "Click value of the wrong type",
        "The value a click stores must fit the attribute's type; `click.tag` and `click.url` are text.");

    public static readonly DiagnosticDescriptor ClickWithoutLinks = Error("CDSL0098", "Click rule in a stage without links",
        "Clicks are tracked on email and push messages; a stage that sends neither has no click for the rule to act on.");

    public static Diagnostic ImportNotFound(SourceLocation at, string written, string path, string? suggestion) =>
        ImportMissing.Create(at, (path == written ? $"cannot find `{written}`" : $"cannot find `{written}` (looked for {path})") + DidYouMean(suggestion));

    public static Diagnostic ImportNotReadable(SourceLocation at, string path, string reason) =>
        ImportMissing.Create(at, $"cannot read {path}: {reason}");

    public static Diagnostic ImportsInCircle(SourceLocation at, IEnumerable<string> circle) =>
        ImportCycle.Create(at, $"files import each other in a circle ({string.Join(" -> ", circle)}); move what they share into a file that imports neither");

    public static Diagnostic ImportNotCampaignFile(SourceLocation at, string written) =>
        ImportNotCampaign.Create(at, $"`{written}` is not a .campaign file; import only files of shared segments and incentives ending in .campaign");

    public static Diagnostic ImportGivenTwice(SourceLocation at, string written, SourceLocation first) =>
        DuplicateImport.Create(at, $"`{written}` is already imported at line {first.Start.Line}; remove this import");

    public static Diagnostic IncentiveDefinedTwice(SourceLocation at, string name, SourceLocation first) =>
        DuplicateIncentive.Create(at, $"incentive `{name}` is already defined at line {first.Start.Line}; give this one another name");

    public static Diagnostic IncentiveNotFound(SourceLocation at, string name, string? suggestion) =>
        UnknownIncentive.Create(at, $"there is no incentive `{name}` in this campaign, its file or its imports{DidYouMean(suggestion)}");

    public static Diagnostic IncentivesInCircle(SourceLocation at, IEnumerable<string> path) =>
        IncentiveCycle.Create(at, $"incentives inherit from each other in a circle ({string.Join(" : ", path)}); let one of them stand on its own");

    public static Diagnostic IncentivePropertyNotFound(SourceLocation at, string key, string? suggestion) =>
        UnknownIncentiveProperty.Create(at, $"`{key}` is not an incentive property{DidYouMean(suggestion)}");

    public static Diagnostic IncentivePropertyValue(SourceLocation at, string key, string expected) =>
        InvalidIncentiveValue.Create(at, $"`{key}` takes {expected}");

    public static Diagnostic IncentivePropertyGivenTwice(SourceLocation at, string key, SourceLocation first) =>
        DuplicateIncentiveProperty.Create(at, $"`{key}` is already given at line {first.Start.Line}; keep one");

    public static Diagnostic IncentiveWithoutBenefit(SourceLocation at, string name) =>
        NoBenefit.Create(at, $"incentive `{name}` offers nothing; give it a `discount`, `credit`, `free_shipping`, `bonus_product` or `coupon_reminder`");

    public static Diagnostic ExpiryAnchorNotFound(SourceLocation at, string anchor, string? suggestion) =>
        InvalidExpiryAnchor.Create(at, $"`{anchor}` is neither `send` nor a stage of this campaign{DidYouMean(suggestion)}");

    public static Diagnostic SharedExpiryAnchorNotFound(SourceLocation at, string incentive, string anchor, string campaign, string? suggestion) =>
        InvalidExpiryAnchor.Create(at, suggestion is null
            ? $"incentive `{incentive}` expires counted from stage `{anchor}`, which campaign `{campaign}` does not have; count from `send` in a shared incentive"
            : $"incentive `{incentive}` expires counted from stage `{anchor}`, which campaign `{campaign}` does not have; did you mean `{suggestion}`? A shared incentive is best counted from `send`");

    public static Diagnostic ExpiryCountedFromLaterStage(SourceLocation at, string incentive, string anchor, string stage) =>
        InvalidExpiryAnchor.Create(at, $"incentive `{incentive}` expires counted from stage `{anchor}`, which is sent after stage `{stage}`; count from `send` or an earlier stage");

    public static Diagnostic ExpiresAtOrBeforeSend(SourceLocation at, string incentive, string written, string anchor) =>
        ExpiresBeforeSend.Create(at, $"incentive `{incentive}` expires `{written}` after {(anchor == "send" ? "the send" : $"stage `{anchor}`")}, so it is over when it arrives; give a duration above zero, such as `72h`");

    public static Diagnostic ExpiresBeforeStageSends(SourceLocation at, string incentive, string after, string anchor, string stage, string delay) =>
        ExpiresBeforeSend.Create(at, $"incentive `{incentive}` expires {after} after stage `{anchor}`, but stage `{stage}` is sent at least {delay} after it; lengthen the expiry or count it from `send`");

    public static Diagnostic OfferExpiredBeforeStage(SourceLocation at, string incentive, string stage, string earlier, string after, string delay) =>
        OfferExpiredInLaterStage.Create(at, $"incentive `{incentive}` was given in stage `{earlier}` and expires {after} after it, but stage `{stage}` is sent at least {delay} later; lengthen the expiry, send this stage sooner, or give a new incentive");

    public static Diagnostic AudienceItemGivenTwice(SourceLocation at, string keyword, SourceLocation first) =>
        DuplicateAudienceItem.Create(at, keyword == "where"
            ? $"the audience already has a `where` at line {first.Start.Line}; combine both conditions with `and` or `or`"
            : $"the audience already has {(keyword == "entry" ? "an" : "a")} `{keyword}` at line {first.Start.Line}; keep one");

    public static Diagnostic FlagWithValue(SourceLocation at, string flag, string written) =>
        InvalidIncentiveValue.Create(at, $"`{flag}` takes no value: it is on when written; remove `{written}`");

    public static Diagnostic WindowOnLast(SourceLocation at) =>
        WindowNotAllowed.Create(at, "`last` takes no look-back window: it is when the latest event happened; to ask whether one happened recently, write `count(purchase in 30d) > 0` or compare `days_since(last purchase)`");

    public static Diagnostic EntryTriggerNotFound(SourceLocation at, string name, bool anniversary, string? suggestion) =>
        UnknownEntryTrigger.Create(at, anniversary
            ? $"`{name}` is not a date attribute{DidYouMean(suggestion)}"
            : $"`{name}` is neither an event type nor a date attribute{DidYouMean(suggestion)}");

    public static Diagnostic EntryTriggerKind(SourceLocation at, string name, string actual, bool anniversary) =>
        EntryTriggerWrongKind.Create(at, anniversary
            ? $"`entry on anniversary of` needs a date attribute such as `birthday`, but `{name}` is {actual}"
            : $"`entry on` needs an event type such as `purchase` or a date attribute such as `birthday`, but `{name}` is {actual}");

    public static Diagnostic EntryOptionNotAllowed(SourceLocation at, string option, string trigger, string advice) =>
        EntryOptionMismatch.Create(at, $"`{option}` does not fit `entry on {trigger}`: {advice}");

    public static Diagnostic AudienceWithoutCondition(SourceLocation at, string mode) =>
        UnboundedAudience.Create(at, $"this audience has no `where` and enters contacts `{mode}`, so every contact in the data enters; add `where subscribed and ...`");

    public static Diagnostic PolicySettingNotFound(SourceLocation at, string key, string? suggestion) =>
        UnknownPolicySetting.Create(at, $"`{key}` is not a policy setting{DidYouMean(suggestion)}");

    public static Diagnostic PolicyValue(SourceLocation at, string key, string expected, string? suggestion) =>
        InvalidPolicyValue.Create(at, $"`{key}` takes {expected}{DidYouMean(suggestion)}");

    public static Diagnostic PolicyItemGivenTwice(SourceLocation at, string what, SourceLocation first) =>
        DuplicatePolicyItem.Create(at, $"{what} is already given at line {first.Start.Line}; keep one");

    public static Diagnostic GoalNotAnEvent(SourceLocation at, string name, string? suggestion) =>
        GoalNotEvent.Create(at, $"`{name}` is not an event type{DidYouMean(suggestion)}");

    public static Diagnostic HandoffToItself(SourceLocation at, string name) =>
        UnknownHandoff.Create(at, $"campaign `{name}` cannot enroll its contacts into itself; name another campaign, or use `reentry`");

    public static Diagnostic HandoffCampaignNotCompiled(SourceLocation at, string name, string path) =>
        UnknownHandoff.Create(at, $"campaign `{name}` is in {path}, which is only imported here, not checked; validate the folder that holds both files");

    public static Diagnostic HandoffCampaignNotFound(SourceLocation at, string name, string? suggestion) =>
        UnknownHandoff.Create(at, suggestion is null
            ? $"there is no campaign `{name}` among the files checked; if it is in another file, validate the folder that holds both"
            : $"there is no campaign `{name}` among the files checked; did you mean `{suggestion}`? If it is in another file, validate the folder that holds both");

    public static Diagnostic SendWindowWithoutTime(SourceLocation at, string window, string? quiet) =>
        NoSendingTime.Create(at, quiet is null
            ? $"the send window `{window}` has no length, so no message can be sent; give it a start and a later end, such as `09:00..20:00`"
            : $"the quiet hours `{quiet}` cover the whole send window `{window}`, so no message can be sent; shorten the quiet hours");

    public static Diagnostic BehaviourOfLaterStage(SourceLocation at, string function, string target, string stage) =>
        LooksAhead.Create(at, target == stage
            ? $"`{function}({target})` in stage `{stage}` asks about this stage's own message, which is not sent yet; name an earlier stage"
            : $"`{function}({target})` in stage `{stage}` asks about a later stage; a condition can only look back at stages before it");

    public static Diagnostic BehaviourOutsideStage(SourceLocation at, string what, string where) =>
        BehaviourOutOfPlace.Create(at, $"{what} asks what a contact did with this campaign's messages, which {where} cannot know; use it in a stage's `when`/`unless` or in `exit when`");

    public static Diagnostic RfmInAudience(SourceLocation at, string name, string where) =>
        RfmOutOfPlace.Create(at, $"`{name}` ranks a contact within the campaign's audience, so {where} cannot use it; use it in a segment or a stage condition");

    public static Diagnostic VariantSegmentNotFound(SourceLocation at, string name, string? suggestion, bool isOtherName) =>
        UnknownVariantSegment.Create(at, isOtherName
            ? $"`{name}` is not a segment; declare one, such as `segment {name}_contacts = ...`, and name it here"
            : $"there is no segment `{name}`{DidYouMean(suggestion)}");

    public static Diagnostic VariantMisplaced(SourceLocation at, string message) =>
        MisplacedVariant.Create(at, message);

    public static Diagnostic StageWithoutSend(SourceLocation at, string stage) =>
        NothingToSend.Create(at, $"stage `{stage}` sends nothing; add a `send`, or remove the stage");

    public static Diagnostic VariantWithoutSend(SourceLocation at, string what) =>
        NothingToSend.Create(at, $"{what} sends nothing, so its contacts get no message in this stage; add a `send`, or say so with a stage `unless`");

    public static Diagnostic CampaignExitsAtEntry(SourceLocation at) =>
        Unreachable.Create(at, "this exit condition holds for every contact, so each leaves on entry and no stage is ever sent");

    public static Diagnostic StageNeverSends(SourceLocation at, string stage, string reason) =>
        Unreachable.Create(at, $"stage `{stage}` is never sent: {reason}; remove the condition or the stage");

    public static Diagnostic StageAfterGoalWindow(SourceLocation at, string stage, string earliest, string goal, string within) =>
        AfterGoalWindow.Create(at, $"stage `{stage}` is sent {earliest} after entry at the earliest, after the goal window (`goal {goal} within {within}`) has closed; shorten the waits or lengthen the goal window");

    public static Diagnostic ClickTargetProtected(SourceLocation at, string name) =>
        InvalidClickTarget.Create(at, $"`{name}` identifies the contact, so a click must not change it; store the click in another attribute");

    public static Diagnostic ClickTargetNotFound(SourceLocation at, string name, string? suggestion) =>
        InvalidClickTarget.Create(at, suggestion is null
            ? $"`{name}` is not a contact attribute; declare the project's own attributes under `contacts.attributes` in campaignc.yaml"
            : $"`{name}` is not a contact attribute; did you mean `{suggestion}`? The project's own attributes are declared under `contacts.attributes` in campaignc.yaml");

    public static Diagnostic ClickValueType(SourceLocation at, string target, string expected, string actual) =>
        ClickValueMismatch.Create(at, $"`{target}` holds {expected}, but this value is {actual}");

    public static Diagnostic ClickRuleWithoutLinks(SourceLocation at, string stage) =>
        ClickWithoutLinks.Create(at, $"stage `{stage}` sends no email or push message, so there is no click to act on; move the rule to a stage that sends one");

    public static readonly DiagnosticDescriptor MessageTextTwice = Error("CDSL0099", "Message text given twice",
        "A send takes its text from a template file or from one inline `body \"...\"`, not both: otherwise it is unclear which is sent.");

    public static Diagnostic TwoMessageTexts(SourceLocation at, bool hasTemplate) =>
        MessageTextTwice.Create(at, hasTemplate
            ? "this message already has a template; remove the `body`, or remove the template path to send this text"
            : "this message already has a `body`; keep one");
}
