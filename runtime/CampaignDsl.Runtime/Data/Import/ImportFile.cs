using CampaignDsl.Runtime.Data.Mapping;

namespace CampaignDsl.Runtime.Data.Import;

/// <summary>One file to import: its full path, the path messages show, and whether it holds contacts or events.</summary>
public sealed record ImportFile(string Path, string DisplayPath, RecordKind Kind);
