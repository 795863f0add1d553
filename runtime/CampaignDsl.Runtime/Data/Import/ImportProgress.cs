namespace CampaignDsl.Runtime.Data.Import;

/// <summary>How far an import is in the file it is reading.</summary>
public readonly record struct ImportProgress(string DisplayPath, long BytesRead, long BytesTotal, long Rows);
