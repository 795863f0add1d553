using System.Collections.Immutable;

namespace CampaignDsl.Plan;

/// <summary>
/// One message on one channel (<c>email</c>, <c>sms</c>, <c>push</c> or <c>webhook</c>), from a
/// <see cref="Template"/> file or an inline <see cref="Body"/>. <see cref="Subjects"/> are its A/B
/// variants, weights summing to 100 (one subject weighs 100). <see cref="From"/> is the sender after the
/// campaign's default is applied; <see cref="Incentive"/> names one of the plan's incentives.
/// </summary>
public sealed record PlanSend(
    string Id,
    string Channel,
    PlanTemplate? Template,
    string? Body,
    ImmutableArray<PlanSubject> Subjects,
    string? Preheader,
    string? From,
    string? Incentive);

/// <summary>A template file: its path relative to the plan's base folder (with <c>/</c>), its engine, and the SHA-256 of its bytes in lower-case hex.</summary>
public sealed record PlanTemplate(string Path, string Engine, string Sha256);

/// <summary>A subject line and its share of the sends, in percent.</summary>
public sealed record PlanSubject(string Id, string Text, decimal Weight);
