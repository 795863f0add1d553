namespace CampaignDsl.Compiler.Configuration.Lint;

/// <summary>What a lint rule's option takes, and so how campaignc.yaml's value is checked.</summary>
public enum LintOptionKind
{
    /// <summary>A percentage from 0% to 100%, written with its sign: <c>40%</c>.</summary>
    Percent,

    /// <summary>A plain number: <c>5</c>, <c>2.5</c>.</summary>
    Number,

    /// <summary>A duration as in campaigns: <c>30m</c>, <c>72h</c>, <c>14d</c>, <c>2w</c>; above zero.</summary>
    Duration,

    /// <summary>Any single text.</summary>
    Text,

    /// <summary>A list of texts: <c>[winback, reengagement]</c>.</summary>
    List,
}
