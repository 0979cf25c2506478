using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>A member of an answer read as a string only when it is one: an answer of another shape reads as none, never throws.</summary>
internal static class JsonText
{
    public static string? Of(JObject? json, string name) => json?[name] is JValue { Type: JTokenType.String } value ? value.Value<string>() : null;
}
