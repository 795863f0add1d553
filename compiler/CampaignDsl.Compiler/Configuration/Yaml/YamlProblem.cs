namespace CampaignDsl.Compiler.Configuration.Yaml;

/// <summary>What went wrong reading campaignc.yaml as YAML, so the message can say what to write instead.</summary>
public enum YamlProblem
{
    Other,
    Tab,
    UnclosedQuote,
    UnclosedList,
    UnclosedBlock,
    ColonInValue,
    Indentation,
    ListIndentation,
    ReservedCharacter,
    UnknownAlias,
    TooDeep,
    MoreThanOneDocument,
}
