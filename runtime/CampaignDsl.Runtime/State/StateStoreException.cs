namespace CampaignDsl.Runtime.State;

/// <summary>The run state cannot be opened, migrated or written; the message says which store and what to do.</summary>
public sealed class StateStoreException(string message, Exception? inner = null) : Exception(message, inner);
