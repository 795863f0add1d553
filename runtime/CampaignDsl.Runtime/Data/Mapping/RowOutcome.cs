namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>What became of the row at <see cref="Line"/>: a record, a skip by a mapping rule (its <c>where</c>), or a bad row with its problem.</summary>
public readonly record struct RowOutcome<T>(int Line, T? Value, string? SkippedBy, DataProblem? Problem)
    where T : class;

/// <summary>Makes <see cref="RowOutcome{T}"/> values.</summary>
public static class RowOutcome
{
    public static RowOutcome<T> Loaded<T>(int line, T value)
        where T : class => new(line, value, null, null);

    public static RowOutcome<T> Skipped<T>(int line, string rule)
        where T : class => new(line, null, rule, null);

    public static RowOutcome<T> Bad<T>(DataProblem problem)
        where T : class => new(problem.Line, null, null, problem);
}
