using System.Collections.Immutable;
using System.Globalization;
using Antlr4.Runtime;
using Antlr4.Runtime.Tree;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Text;
using static CampaignDsl.Compiler.Syntax.Generated.CampaignParser;

namespace CampaignDsl.Compiler.Syntax;

/// <summary>
/// The one visitor that turns ANTLR's parse tree into the immutable AST. It tolerates the partial
/// trees that error recovery leaves behind: a missing name becomes an empty <see cref="Identifier"/>,
/// a missing expression a <see cref="MissingExpression"/>, so later passes need no null checks.
/// </summary>
internal sealed class AstBuilder(SourceText source, DiagnosticBag diagnostics)
{
    public CampaignFile BuildFile(CampaignFileContext context) =>
        new(SpanOf(context), [.. context.fileItem().Select(BuildFileItem).OfType<IFileItem>()]);

    public Expression BuildStandalone(StandaloneExpressionContext context) => BuildExpression(context.expression());

    private IFileItem? BuildFileItem(FileItemContext context) => context switch
    {
        _ when context.importDecl() is { } import => new ImportDecl(SpanOf(import), StringOrEmpty(import.STRING(), import)),
        _ when context.segmentDecl() is { } segment => BuildSegment(segment),
        _ when context.incentiveDecl() is { } incentive => BuildIncentive(incentive),
        _ when context.campaignDecl() is { } campaign => BuildCampaign(campaign),
        _ => null,
    };

    private CampaignDecl BuildCampaign(CampaignDeclContext context)
    {
        var title = context.STRING() is { } titleToken ? BuildString(titleToken.Symbol) : null;
        var items = context.campaignItem().Select(BuildCampaignItem).OfType<CampaignItem>();
        return new CampaignDecl(SpanOf(context), BuildIdentifier(context.identifier(), context), title, [.. items]);
    }

    private CampaignItem? BuildCampaignItem(CampaignItemContext context) => context switch
    {
        _ when context.audienceDecl() is { } audience => new AudienceDecl(SpanOf(audience),
            [.. audience.audienceItem().Select(BuildAudienceItem).OfType<AudienceItem>()]),
        _ when context.segmentDecl() is { } segment => BuildSegment(segment),
        _ when context.incentiveDecl() is { } incentive => BuildIncentive(incentive),
        _ when context.policyDecl() is { } policy => new PolicyDecl(SpanOf(policy),
            [.. policy.policyItem().Select(BuildPolicyItem).OfType<PolicyItem>()]),
        _ when context.stageDecl() is { } stage => BuildStage(stage),
        _ when context.setting() is { } setting => new Setting(SpanOf(setting),
            BuildIdentifier(setting.identifier(), setting), BuildSettingValue(setting.settingValue(), setting)),
        _ => null,
    };

    private SegmentDecl BuildSegment(SegmentDeclContext context) =>
        new(SpanOf(context), BuildIdentifier(context.identifier(), context), BuildExpression(context.expression()));

    private AudienceItem? BuildAudienceItem(AudienceItemContext context) => context switch
    {
        AudienceWhereContext where => new AudienceCondition(SpanOf(where), BuildExpression(where.expression())),
        AudienceEntryContext entry when entry.entryMode() is { } mode && BuildEntryMode(mode) is { } built =>
            new EntryDecl(SpanOf(entry), built),
        AudienceReentryContext reentry when reentry.NEVER() is not null => new ReentryPolicy(SpanOf(reentry), null),
        AudienceReentryContext reentry when reentry.durationValue() is { } after =>
            new ReentryPolicy(SpanOf(reentry), BuildDuration(after)),
        _ => null,
    };

    private EntryMode? BuildEntryMode(EntryModeContext context) => context switch
    {
        EntryOnceContext once => new EntryOnce(SpanOf(once)),
        EntryDailyContext daily => new EntryDaily(SpanOf(daily)),
        EntryAnniversaryContext anniversary => new EntryOn(SpanOf(anniversary),
            anniversary.path() is { } path ? BuildPath(path) : MissingName(anniversary), true,
            OptionalTime(anniversary.TIME()), null),
        EntryOnContext on => new EntryOn(SpanOf(on), on.path() is { } path ? BuildPath(path) : MissingName(on), false,
            OptionalTime(on.TIME()), on.WHEN() is null ? null : BuildExpression(on.expression())),
        _ => null,
    };

    private IncentiveDecl BuildIncentive(IncentiveDeclContext context)
    {
        var names = context.identifier();
        var name = BuildIdentifier(names.Length > 0 ? names[0] : null, context);
        var parent = context.COLON() is null ? null : BuildIdentifier(names.Length > 1 ? names[1] : null, context);
        var title = context.STRING() is { } titleToken && !IsMissing(titleToken.Symbol) ? BuildString(titleToken.Symbol) : null;
        return new IncentiveDecl(SpanOf(context), name, parent, title,
            [.. context.incentiveItem().Select(BuildIncentiveItem).OfType<IncentiveItem>()]);
    }

    private IncentiveItem? BuildIncentiveItem(IncentiveItemContext context) => context switch
    {
        IncentivePropertyContext property when property.IDENT() is { } key && !IsMissing(key.Symbol) =>
            new IncentiveProperty(SpanOf(property), new Identifier(SpanOf(key.Symbol), key.GetText()),
                property.incentiveValue() switch
                {
                    null => null,
                    { } value when value.literal() is { } literal => BuildLiteral(literal),
                    { } value => BuildList(value.listLiteral()),
                }),
        IncentiveExpiryContext expiry when expiry.durationValue() is { } after => new IncentiveExpiry(SpanOf(expiry),
            BuildDuration(after), expiry.SEND() is { } send ? new Identifier(SpanOf(send.Symbol), "send") : BuildIdentifier(expiry.identifier(), expiry),
            null, null),
        IncentiveExpiryContext expiry when expiry.DATE() is { } date && !IsMissing(date.Symbol) => new IncentiveExpiry(SpanOf(expiry),
            null, null, BuildDate(date.Symbol), OptionalTime(expiry.TIME())),
        _ => null,
    };

    private PolicyItem? BuildPolicyItem(PolicyItemContext context) => context switch
    {
        FrequencyCapContext cap when cap.NUMBER() is { } count && !IsMissing(count.Symbol) && cap.durationValue() is { } period =>
            new FrequencyCap(SpanOf(cap), BuildNumber(count.Symbol), BuildDuration(period)),
        GoalContext goal when goal.path() is { } path && goal.durationValue() is { } within =>
            new Goal(SpanOf(goal), BuildPath(path), BuildDuration(within)),
        ExitRuleContext exit => new ExitRule(SpanOf(exit), BuildExpression(exit.expression())),
        HandoffContext handoff => new Handoff(SpanOf(handoff), BuildIdentifier(handoff.identifier(), handoff)),
        FinalActionContext final => new FinalAction(SpanOf(final), BuildIdentifier(final.identifier(), final),
            final.STRING() is { } argument && !IsMissing(argument.Symbol) ? BuildString(argument.Symbol) : null),
        PolicySettingContext setting when setting.IDENT() is { } key && !IsMissing(key.Symbol) =>
            new PolicySetting(SpanOf(setting), new Identifier(SpanOf(key.Symbol), key.GetText()),
                BuildSettingValue(setting.settingValue(), setting)),
        _ => null,
    };

    private Expression BuildSettingValue(SettingValueContext? context, ParserRuleContext parent) => context switch
    {
        null => new MissingExpression(new TextSpan(SpanOf(parent).End, 0)),
        _ when context.literal() is { } literal => BuildLiteral(literal),
        _ when context.timeRange() is { } range => BuildTimeRange(range),
        _ when context.identifier() is { } identifier => BuildName([identifier], SpanOf(identifier)),
        _ when context.listLiteral() is { } list => BuildList(list),
        _ => new MissingExpression(SpanOf(context)),
    };

    private Expression BuildTimeRange(TimeRangeContext context)
    {
        var times = context.TIME();
        return times.Length == 2 && !IsMissing(times[0].Symbol) && !IsMissing(times[1].Symbol)
            ? new TimeRangeLiteral(SpanOf(context), BuildTime(times[0].Symbol), BuildTime(times[1].Symbol))
            : Missing(context);
    }

    private StageDecl BuildStage(StageDeclContext context)
    {
        var timing = context.stageTiming() is { } t ? BuildTiming(t) : null;
        return new StageDecl(SpanOf(context), BuildIdentifier(context.identifier(), context), timing, BuildStageItems(context.stageItem()));
    }

    private ImmutableArray<StageItem> BuildStageItems(IEnumerable<StageItemContext> items) =>
        [.. items.Select(BuildStageItem).OfType<StageItem>()];

    private StageItem? BuildStageItem(StageItemContext context) => context switch
    {
        StageWhenContext whenItem => new StageCondition(SpanOf(whenItem), ConditionKind.When, BuildExpression(whenItem.expression())),
        StageUnlessContext unless => new StageCondition(SpanOf(unless), ConditionKind.Unless, BuildExpression(unless.expression())),
        StageSendContext send when send.sendAction() is { } action => BuildSend(action),
        StageVariantContext variant => new SegmentVariant(SpanOf(variant), BuildIdentifier(variant.identifier(), variant),
            BuildStageItems(variant.stageItem())),
        StageOtherwiseContext otherwise => new SegmentVariant(SpanOf(otherwise), null, BuildStageItems(otherwise.stageItem())),
        ClickRuleContext click => new ClickRule(SpanOf(click),
            click.STRING() is { } pattern && !IsMissing(pattern.Symbol) ? BuildString(pattern.Symbol) : null,
            click.path() is { } target ? BuildPath(target) : MissingName(click), BuildExpression(click.expression())),
        _ => null,
    };

    private StageTiming BuildTiming(StageTimingContext context)
    {
        var durations = context.durationValue();
        var earliest = durations.Length > 0 ? BuildDuration(durations[0]) : MissingDuration(context);
        var latest = durations.Length > 1 ? BuildDuration(durations[1]) : null;
        var anchor = context.FROM() is null ? null : BuildIdentifier(context.identifier(), context);
        return new StageTiming(SpanOf(context), earliest, latest, anchor);
    }

    private DurationLiteral BuildDuration(DurationValueContext context)
    {
        if (context.DURATION() is not { } token || IsMissing(token.Symbol))
        {
            return MissingDuration(context);
        }

        var duration = BuildDurationToken(token.Symbol);
        return context.MINUS() is null
            ? duration
            : duration with { Span = SpanOf(context), Amount = -duration.Amount };
    }

    private static DurationLiteral MissingDuration(ParserRuleContext context) =>
        new(new TextSpan(SpanOf(context).End, 0), 1, DurationUnit.Days);

    private SendAction BuildSend(SendActionContext context)
    {
        var template = context.STRING() is { } path && !IsMissing(path.Symbol) ? BuildString(path.Symbol) : null;
        var options = context.messageOption().Select(BuildMessageOption).OfType<MessageOption>();
        return new SendAction(SpanOf(context), BuildIdentifier(context.identifier(), context), template, [.. options]);
    }

    // A subject whose text is missing still counts as a subject (with empty text): its syntax error
    // is enough, without "this email has no subject" on top.
    private MessageOption? BuildMessageOption(MessageOptionContext context) => context switch
    {
        SubjectOptionContext subject => new SubjectLine(SpanOf(subject),
            subject.STRING() is { } text && !IsMissing(text.Symbol) ? BuildString(text.Symbol) : new StringLiteral(new TextSpan(SpanOf(subject).End, 0), ""),
            subject.NUMBER() is { } weight && !IsMissing(weight.Symbol) ? BuildNumber(weight.Symbol) : null),
        SenderOptionContext sender when sender.STRING() is { } address && !IsMissing(address.Symbol) =>
            new SenderOverride(SpanOf(sender), BuildString(address.Symbol)),
        PreheaderOptionContext preheader => new Preheader(SpanOf(preheader), StringOrEmpty(preheader.STRING(), preheader)),
        BodyOptionContext body => new MessageBody(SpanOf(body), StringOrEmpty(body.STRING(), body)),
        IncentiveOptionContext incentive => new IncentiveUse(SpanOf(incentive), BuildIdentifier(incentive.identifier(), incentive)),
        _ => null,
    };

    private Expression BuildExpression(ExpressionContext? context) =>
        context?.orExpression() is { } or ? BuildOr(or) : Missing(context);

    private Expression BuildOr(OrExpressionContext context) =>
        BuildChain(context.andExpression().Select(BuildAnd), BinaryOperator.Or, context);

    private Expression BuildAnd(AndExpressionContext context) =>
        BuildChain(context.notExpression().Select(BuildNot), BinaryOperator.And, context);

    private static Expression BuildChain(IEnumerable<Expression> operands, BinaryOperator op, ParserRuleContext context)
    {
        Expression? result = null;
        foreach (var operand in operands)
        {
            result = result is null ? operand : new BinaryExpression(result.Span.Cover(operand.Span), op, result, operand);
        }

        return result ?? Missing(context);
    }

    private Expression BuildNot(NotExpressionContext context)
    {
        if (context.NOT() is not null)
        {
            return new UnaryExpression(SpanOf(context), UnaryOperator.Not,
                context.notExpression() is { } inner ? BuildNot(inner) : Missing(context));
        }

        return context.comparison() is { } comparison ? BuildComparison(comparison) : Missing(context);
    }

    private Expression BuildComparison(ComparisonContext context)
    {
        var operands = context.additive();
        if (operands.Length == 0)
        {
            return Missing(context);
        }

        var left = BuildAdditive(operands[0]);
        var negated = context.NOT() is not null;
        Expression Operand(int index) => index < operands.Length ? BuildAdditive(operands[index]) : Missing(context);

        if (context.comparisonOperator() is { } op)
        {
            return new BinaryExpression(SpanOf(context), ComparisonOperatorOf(op), left, Operand(1));
        }

        if (context.BETWEEN() is not null)
        {
            return new BetweenExpression(SpanOf(context), left, Operand(1), Operand(2), negated);
        }

        if (context.IN() is not null)
        {
            var list = context.listLiteral() is { } l ? BuildList(l) : new ListExpression(new TextSpan(SpanOf(context).End, 0), []);
            return new InListExpression(SpanOf(context), left, list, negated);
        }

        return left;
    }

    private static BinaryOperator ComparisonOperatorOf(ComparisonOperatorContext context) => context.Start.Type switch
    {
        EQ or ASSIGN => BinaryOperator.Equal,
        NEQ => BinaryOperator.NotEqual,
        LT => BinaryOperator.Less,
        LE => BinaryOperator.LessOrEqual,
        GT => BinaryOperator.Greater,
        _ => BinaryOperator.GreaterOrEqual,
    };

    private Expression BuildAdditive(AdditiveContext context) => BuildArithmetic(context,
        c => c is MultiplicativeContext m ? BuildMultiplicative(m) : null,
        type => type == PLUS ? BinaryOperator.Add : BinaryOperator.Subtract);

    private Expression BuildMultiplicative(MultiplicativeContext context) => BuildArithmetic(context,
        c => c is UnaryContext u ? BuildUnary(u) : null,
        type => type == STAR ? BinaryOperator.Multiply : BinaryOperator.Divide);

    // Operands and operators alternate in the children; the operator tokens give the order.
    private static Expression BuildArithmetic(ParserRuleContext context, Func<IParseTree, Expression?> operand, Func<int, BinaryOperator> operatorOf)
    {
        Expression? result = null;
        BinaryOperator? pending = null;
        foreach (var child in context.children ?? [])
        {
            if (child is ITerminalNode terminal)
            {
                pending = operatorOf(terminal.Symbol.Type);
                continue;
            }

            if (operand(child) is not { } right)
            {
                continue;
            }

            result = result is null || pending is null
                ? result ?? right
                : new BinaryExpression(result.Span.Cover(right.Span), pending.Value, result, right);
            pending = null;
        }

        return result ?? Missing(context);
    }

    private Expression BuildUnary(UnaryContext context)
    {
        if (context.MINUS() is not null)
        {
            var operand = context.unary() is { } inner ? BuildUnary(inner) : Missing(context);
            return new UnaryExpression(SpanOf(context), UnaryOperator.Negate, operand);
        }

        return context.primary() is { } primary ? BuildPrimary(primary) : Missing(context);
    }

    private Expression BuildPrimary(PrimaryContext context) => context switch
    {
        ParenthesizedContext p => new ParenthesizedExpression(SpanOf(p), BuildExpression(p.expression())),
        LastEventContext last => new LastEventExpression(SpanOf(last),
            last.path() is { } path ? BuildPath(path) : MissingName(last)),
        CallContext call => new CallExpression(SpanOf(call), BuildIdentifier(call.identifier(), call),
            [.. call.argument().Select(BuildArgument)]),
        ReferenceContext reference => reference.path() is { } path ? BuildPath(path) : Missing(reference),
        LiteralValueContext literal => BuildLiteral(literal.literal()),
        ListContext list => BuildList(list.listLiteral()),
        _ => Missing(context),
    };

    private Argument BuildArgument(ArgumentContext context)
    {
        var window = context.DURATION() is { } duration && !IsMissing(duration.Symbol) ? BuildDurationToken(duration.Symbol) : null;
        return new Argument(SpanOf(context), BuildExpression(context.expression()), window);
    }

    private static NameReference BuildPath(PathContext context) => BuildName(context.identifier(), SpanOf(context));

    private static NameReference BuildName(IReadOnlyList<IdentifierContext> parts, TextSpan span) =>
        new(span, [.. parts.Select(p => BuildIdentifier(p, p))]);

    private static NameReference MissingName(ParserRuleContext context) =>
        new(new TextSpan(SpanOf(context).End, 0), [new Identifier(new TextSpan(SpanOf(context).End, 0), "")]);

    private ListExpression BuildList(ListLiteralContext? context) => context is null
        ? new ListExpression(default, [])
        : new ListExpression(SpanOf(context), [.. context.expression().Select(BuildExpression)]);

    private Expression BuildLiteral(LiteralContext? context)
    {
        if (context?.Start is not { } token || IsMissing(token))
        {
            return Missing(context);
        }

        return token.Type switch
        {
            STRING => BuildString(token),
            NUMBER => BuildNumber(token),
            DURATION => BuildDurationToken(token),
            PERCENT => BuildPercent(token),
            MONEY => BuildMoney(token),
            DATE => BuildDate(token),
            TIME => BuildTime(token),
            TRUE => new BooleanLiteral(SpanOf(token), true),
            FALSE => new BooleanLiteral(SpanOf(token), false),
            _ => Missing(context),
        };
    }

    private StringLiteral BuildString(IToken token) =>
        new(SpanOf(token), StringUnescaper.Unescape(token.Text, token.StartIndex, source, diagnostics));

    private StringLiteral StringOrEmpty(ITerminalNode? node, ParserRuleContext parent) =>
        node is not null && !IsMissing(node.Symbol) ? BuildString(node.Symbol) : new StringLiteral(new TextSpan(SpanOf(parent).End, 0), "");

    private TimeLiteral? OptionalTime(ITerminalNode? node) =>
        node is not null && !IsMissing(node.Symbol) ? BuildTime(node.Symbol) : null;

    private MoneyLiteral BuildMoney(IToken token)
    {
        var text = token.Text;
        var (currency, amount) = char.IsAsciiLetterUpper(text[0])
            ? (text[..3], text[3..].Trim())
            : (CurrencySymbols.CodeOf(text[0]), text[1..].Trim());
        if (!CurrencySymbols.IsKnownCode(currency))
        {
            diagnostics.Add(DiagnosticCatalog.CurrencyNotFound(new SourceLocation(source, SpanOf(token)), currency,
                NameSuggester.Suggest(currency, CurrencySymbols.Codes)));
        }

        return new MoneyLiteral(SpanOf(token), currency, ParseDecimal(amount, token));
    }

    private DateLiteral BuildDate(IToken token)
    {
        if (DateOnly.TryParseExact(token.Text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new DateLiteral(SpanOf(token), date);
        }

        diagnostics.Add(DiagnosticCatalog.NoSuchDate(new SourceLocation(source, SpanOf(token)), token.Text));
        return new DateLiteral(SpanOf(token), DateOnly.MinValue);
    }

    private TimeLiteral BuildTime(IToken token)
    {
        var text = token.Text.Length == 4 ? "0" + token.Text : token.Text;
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return new TimeLiteral(SpanOf(token), time);
        }

        diagnostics.Add(DiagnosticCatalog.NoSuchTime(new SourceLocation(source, SpanOf(token)), token.Text));
        return new TimeLiteral(SpanOf(token), TimeOnly.MinValue);
    }

    private NumberLiteral BuildNumber(IToken token) => new(SpanOf(token), ParseDecimal(token.Text, token));

    private PercentLiteral BuildPercent(IToken token) => new(SpanOf(token), ParseDecimal(token.Text[..^1], token));

    private DurationLiteral BuildDurationToken(IToken token)
    {
        var text = token.Text;
        var unit = text[^1] switch
        {
            'm' => DurationUnit.Minutes,
            'h' => DurationUnit.Hours,
            'd' => DurationUnit.Days,
            _ => DurationUnit.Weeks,
        };

        // Ten years in minutes is far below this; anything larger is a typo, not a wait.
        const long limit = 1_000_000;
        if (!long.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount > limit)
        {
            diagnostics.Add(DiagnosticCatalog.NumberTooLarge(new SourceLocation(source, SpanOf(token)), text));
            amount = 1;
        }

        return new DurationLiteral(SpanOf(token), amount, unit);
    }

    private decimal ParseDecimal(string text, IToken token)
    {
        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // The whole token as written (`1e99%`, `EUR 1e99`), not only its number.
        diagnostics.Add(DiagnosticCatalog.NumberTooLarge(new SourceLocation(source, SpanOf(token)), token.Text));
        return 0;
    }

    // The name is the rule's matched token, not its Start: when the parser recovered from a missing
    // name, Start is whatever came next (`send }` would make `}` the channel) and nothing was matched.
    private static Identifier BuildIdentifier(IdentifierContext? context, ParserRuleContext parent)
    {
        if (context is null || context.exception is not null || context.ChildCount != 1
            || context.GetChild(0) is not ITerminalNode { Symbol: var token } || context.GetChild(0) is IErrorNode || IsMissing(token))
        {
            return new Identifier(new TextSpan(SpanOf(parent).End, 0), "");
        }

        return new Identifier(SpanOf(token), token.Text);
    }

    private static MissingExpression Missing(ParserRuleContext? context) =>
        new(context is null ? default : new TextSpan(SpanOf(context).Start, 0));

    private static bool IsMissing(IToken token) => token.TokenIndex < 0 || token.StartIndex < 0 || token.Type == TokenConstants.EOF;

    private static TextSpan SpanOf(IToken token) => token.StartIndex < 0
        ? default
        : TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);

    private static TextSpan SpanOf(ParserRuleContext context)
    {
        var start = context.Start is { StartIndex: >= 0 } s ? s.StartIndex : 0;
        var stop = context.Stop is { StopIndex: >= 0, Type: not TokenConstants.EOF } e && e.StopIndex >= start
            ? e.StopIndex + 1
            : start;
        return TextSpan.FromBounds(start, stop);
    }
}
