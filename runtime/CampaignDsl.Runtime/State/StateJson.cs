using System.Text.Json.Serialization;

namespace CampaignDsl.Runtime.State;

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class StateJson : JsonSerializerContext;
