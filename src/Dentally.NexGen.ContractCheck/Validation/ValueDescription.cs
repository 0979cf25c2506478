using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace Dentally.NexGen.ContractCheck.Validation;

/// <summary>
/// Describes what was expected and sent without quoting values: an answer may carry a patient's
/// record, and a report must be safe to share. Only enum-like values (short lower-case words) are
/// quoted, since a new status is exactly what an integrator needs to see.
/// </summary>
internal static class ValueDescription
{
    private static readonly Regex EnumLike = new("^[a-z0-9][a-z0-9_.-]{0,39}$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The JSON type of a token: <c>string</c>, <c>integer</c>, <c>null</c>, <c>object</c>, …</summary>
    public static string TypeOf(JToken? token) => token?.Type switch
    {
        null => "missing",
        JTokenType.Integer => "integer",
        JTokenType.Float => "number",
        JTokenType.String or JTokenType.Date or JTokenType.Guid or JTokenType.Uri or JTokenType.TimeSpan => "string",
        JTokenType.Boolean => "boolean",
        JTokenType.Null or JTokenType.Undefined => "null",
        JTokenType.Array => "array",
        JTokenType.Object => "object",
        JTokenType.Property => TypeOf(((JProperty)token).Value),
        _ => token.Type.ToString().ToLowerInvariant(),
    };

    /// <summary>The type a schema documents, with its format: <c>string (format uuid)</c>, <c>integer or null</c>.</summary>
    public static string TypeOf(JsonSchema? schema)
    {
        if (schema is null)
        {
            return "unknown";
        }

        var types = Enum.GetValues<JsonObjectType>()
            .Where(t => t != JsonObjectType.None && schema.Type.HasFlag(t))
            .Select(t => t.ToString().ToLowerInvariant())
            .ToList();
        var type = types.Count == 0 ? "any" : string.Join(" or ", types);
        return string.IsNullOrEmpty(schema.Format) ? type : $"{type} (format {schema.Format})";
    }

    /// <summary>An enum value as sent, when it looks like one; otherwise only its type.</summary>
    public static string EnumValueOf(JToken? token)
        => token is JValue { Type: JTokenType.String } value && value.Value<string>() is { } text && EnumLike.IsMatch(text)
            ? text
            : TypeOf(token);

    /// <summary>
    /// An error answer as a report may quote it: the status, the problem type, and the fields a validation
    /// problem names (the keys of its <c>errors</c>, when they look like names — never its messages), e.g.
    /// <c>422 https://docs.api.dentally.com/problems/validation-error naming query</c>.
    /// </summary>
    /// <summary>
    /// A problem type as a report may quote it: an absolute https URI without query, fragment or user, ending
    /// in a name-like segment. Anything else is free text a server wrote, which may name a patient: described, not quoted.
    /// </summary>
    public static string ProblemType(string? type)
        => type is { Length: <= 120 } && Uri.TryCreate(type, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
           && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0 && EnumLike.IsMatch(uri.Segments[^1])
            ? uri.AbsoluteUri
            : "a problem type that is not a problem URI";

    public static string Refusal(int status, JToken? body)
    {
        var text = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = body as JObject;
        if (problem?["type"] is JValue { Type: JTokenType.String } type)
        {
            text += " " + ProblemType(type.Value<string>());
        }

        // Lower-case names as the contract's members are: a key made of a patient's name is not quoted.
        var named = (problem?["errors"] as JObject)?.Properties().Select(p => p.Name).Where(name => EnumLike.IsMatch(name)).ToList() ?? [];
        return named.Count == 0 ? text : text + " naming " + string.Join(", ", named);
    }
}
