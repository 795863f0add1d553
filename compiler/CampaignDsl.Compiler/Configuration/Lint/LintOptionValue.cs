using System.Collections.Immutable;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Configuration.Lint;

/// <summary>An option's value as configured, already checked against its kind; <see cref="Location"/> is where it was written, for a rule's own messages.</summary>
public abstract record LintOptionValue(SourceLocation Location);

/// <summary>A percentage: <c>40%</c> is 40.</summary>
public sealed record PercentOptionValue(decimal Percent, SourceLocation Location) : LintOptionValue(Location);

public sealed record NumberOptionValue(decimal Number, SourceLocation Location) : LintOptionValue(Location);

public sealed record DurationOptionValue(TimeSpan Duration, SourceLocation Location) : LintOptionValue(Location);

public sealed record TextOptionValue(string Text, SourceLocation Location) : LintOptionValue(Location);

public sealed record ListOptionValue(ImmutableArray<string> Items, SourceLocation Location) : LintOptionValue(Location);
