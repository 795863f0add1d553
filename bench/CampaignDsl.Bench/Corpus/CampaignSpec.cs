using System.Collections.Immutable;

namespace CampaignDsl.Bench.Corpus;

/// <summary>One generated campaign before it is written as text; faults are applied to this shape.</summary>
internal sealed record CampaignSpec(
    string Name,
    string Title,
    string Comment,
    ImmutableArray<SettingSpec> Settings,
    ImmutableArray<string> AudienceTerms,
    bool AudienceFirst,
    ImmutableArray<SegmentSpec> Segments,
    ImmutableArray<StageSpec> Stages);

/// <summary>A header setting; the value is written as is (quotes included).</summary>
internal sealed record SettingSpec(string Key, string Value);

internal sealed record SegmentSpec(string Name, string Condition);

/// <summary>A stage; <see cref="Wait"/> is what follows <c>after</c> (<c>5d..7d</c>, <c>3d from entry</c>), null for none.</summary>
internal sealed record StageSpec(string Name, string? Wait, ImmutableArray<SendSpec> Sends);

internal sealed record SendSpec(string Channel, string Template, string? Sender, ImmutableArray<SubjectSpec> Subjects);

/// <summary>A subject line, already escaped for a campaign string; a weight when it is part of an A/B test.</summary>
internal sealed record SubjectSpec(string Text, string? Weight);
