using System.Globalization;
using Dentally.NexGen.ContractCheck.Contract;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Dentally.NexGen.ContractCheck.Validation;

/// <summary>
/// Whether a value of another JSON type than its schema's is one the SDK still reads, converted without loss
/// (as its reader of success bodies does, reporting it as info drift): a number or boolean where the schema has
/// a string the SDK keeps as text (no enum, and no format it reads into a type of its own, <see cref="SdkTypedFormats"/>), a quoted integer where it has an integer, <c>"true"</c>/<c>"false"</c>,
/// 1 or 0 where it has a boolean. The check classes those info, as the SDK does; any other is breaking.
/// </summary>
internal static class LosslessConversion
{
    public static bool IsReadBySdk(JsonSchema? schema, JToken? token)
    {
        token = token is JProperty property ? property.Value : token;
        if (schema is null || token is null || schema.Enumeration.Count > 0)
        {
            return false;
        }

        var type = schema.Type & ~JsonObjectType.Null;
        return type switch
        {
            JsonObjectType.String => !SdkTypedFormats.Contains(schema.Format) && token.Type is JTokenType.Integer or JTokenType.Float or JTokenType.Boolean,
            JsonObjectType.Integer => token.Type == JTokenType.String && int.TryParse(token.Value<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            JsonObjectType.Boolean => token.Type == JTokenType.String ? bool.TryParse(token.Value<string>(), out _) : token.Type == JTokenType.Integer && token.Value<long>() is 0 or 1,
            _ => false,
        };
    }
}
