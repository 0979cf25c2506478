using System.Globalization;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Dentally.NexGen.ContractCheck.Validation;

/// <summary>
/// Whether a value of another JSON type than its schema's is one the SDK still reads, converted without loss
/// (as its reader of success bodies does, reporting it as info drift): a number or boolean where the schema has
/// a string the SDK keeps as text (no enum, and no format it reads into a type of its own: an email or a
/// <c>uri-reference</c> is text, a <c>uri</c> is not), a quoted integer where it has an integer, <c>"true"</c>/<c>"false"</c>,
/// 1 or 0 where it has a boolean. The check classes those info, as the SDK does; any other is breaking.
/// </summary>
internal static class LosslessConversion
{
    /// <summary>
    /// The formats the SDK reads into a type of its own (a Guid, a date, an instant, a practice-local time, a
    /// <see cref="Uri"/>: NSwag generates <c>format: uri</c> as <c>System.Uri</c>, which a number does not convert
    /// to), which a number never is. <c>uri-reference</c> and <c>email</c> are generated as strings. A test holds this
    /// list to the generated models' property types.
    /// </summary>
    internal static readonly HashSet<string> TypedFormats = new(StringComparer.Ordinal) { "uuid", "date", "date-time", "date-time-local", "uri" };

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
            JsonObjectType.String => !IsTypedFormat(schema.Format) && token.Type is JTokenType.Integer or JTokenType.Float or JTokenType.Boolean,
            JsonObjectType.Integer => token.Type == JTokenType.String && int.TryParse(token.Value<string>(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            JsonObjectType.Boolean => token.Type == JTokenType.String ? bool.TryParse(token.Value<string>(), out _) : token.Type == JTokenType.Integer && token.Value<long>() is 0 or 1,
            _ => false,
        };
    }

    private static bool IsTypedFormat(string? format) => !string.IsNullOrEmpty(format) && TypedFormats.Contains(format);
}
