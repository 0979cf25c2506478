using Newtonsoft.Json.Linq;
using NSwag;

namespace Dentally.NexGen.ContractCheck.Contract;

/// <summary>The problem types a response documents: the <c>type</c> of each of its examples (the contract has no other place for them).</summary>
internal static class ProblemTypes
{
    public static HashSet<string> DocumentedIn(OpenApiMediaType mediaType)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var example in mediaType.Examples.Values)
        {
            var value = example.ActualExample?.Value ?? example.Value;
            if (value is JObject body && body["type"]?.ToString() is { Length: > 0 } type)
            {
                types.Add(type);
            }
        }

        return types;
    }
}
