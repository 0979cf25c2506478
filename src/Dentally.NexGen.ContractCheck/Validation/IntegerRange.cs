using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Dentally.NexGen.ContractCheck.Validation;

/// <summary>
/// Integers the SDK cannot hold. NSwag generates an <c>integer</c> (without a format, or <c>int32</c>) as an
/// <see cref="int"/>, and the SDK fails to read one beyond its range (NexGenContractViolationException); JSON
/// Schema has no such limit, so NJsonSchema's validation passes <c>3000000000</c> where the contract says
/// <c>format: int32</c>. The answer is walked along its schema to find them: an <c>int64</c> member is a
/// <see cref="long"/> and left alone.
/// </summary>
internal static class IntegerRange
{
    /// <summary>The integers of <paramref name="token"/> beyond an <see cref="int"/>, with the schema that says so.</summary>
    public static IEnumerable<(JToken Token, JsonSchema Schema)> BeyondInt32(JToken token, JsonSchema schema)
    {
        schema = schema.ActualTypeSchema;
        switch (token)
        {
            case JObject json:
                foreach (var member in json.Properties())
                {
                    if (Property(schema, member.Name) is { } property)
                    {
                        foreach (var found in BeyondInt32(member.Value, property))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JArray items when schema.Item is { } item:
                foreach (var found in items.SelectMany(value => BeyondInt32(value, item)))
                {
                    yield return found;
                }

                break;
            case JValue { Type: JTokenType.Integer } number when IsInt32(schema) && !FitsInt32(number):
                yield return (number, schema);
                break;
        }
    }

    /// <summary>The schema of a member, its own or one of its <c>allOf</c> parts'.</summary>
    private static JsonSchema? Property(JsonSchema schema, string name)
        => schema.Properties.TryGetValue(name, out var property)
            ? property
            : schema.AllOf.Select(part => Property(part.ActualSchema, name)).FirstOrDefault(found => found is not null);

    private static bool IsInt32(JsonSchema schema)
        => schema.Type.HasFlag(JsonObjectType.Integer) && schema.Format is null or "" or "int32";

    // A number beyond a long arrives as a BigInteger, beyond an int32 either way.
    private static bool FitsInt32(JValue number) => number.Value is long value && value is >= int.MinValue and <= int.MaxValue;
}
