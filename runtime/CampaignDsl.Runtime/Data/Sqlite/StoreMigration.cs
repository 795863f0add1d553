namespace CampaignDsl.Runtime.Data.Sqlite;

/// <summary>One step of the store's schema, applied once, in order, in its own transaction. Never edit one that shipped: add the next.</summary>
internal sealed record StoreMigration(int Version, string Name, string Sql);
