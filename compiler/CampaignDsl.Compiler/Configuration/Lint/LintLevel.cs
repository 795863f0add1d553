namespace CampaignDsl.Compiler.Configuration.Lint;

/// <summary>How a lint rule reports, as written in <c>lint.rules</c>: <c>off</c>, <c>info</c>, <c>warning</c> or <c>error</c>.</summary>
public enum LintLevel
{
    Off,
    Info,
    Warning,
    Error,
}
