using Dentally.NexGen.ContractCheck.Contract;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Dentally.NexGen.ContractCheck.Validation;

/// <summary>
/// Turns NJsonSchema's validation errors into report differences: a JSON path, a kind, a class and
/// what was expected and sent — described by type and format, never by value (enum values excepted,
/// and only when they look like one).
/// </summary>
internal static class SchemaErrorTranslator
{
    /// <summary>The differences for one answer's errors, children of composed schemas and array items flattened.</summary>
    public static IEnumerable<ContractDifference> Translate(string operation, IEnumerable<ValidationError> errors, SchemaRules rules)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError child)
            {
                foreach (var difference in Translate(operation, child.Errors.SelectMany(e => e.Value), rules))
                {
                    yield return difference;
                }

                continue;
            }

            if (error is MultiTypeValidationError multi && error.Token is JValue { Type: JTokenType.String }
                && multi.Errors.TryGetValue(JsonObjectType.String, out var asString) && asString.Count > 0)
            {
                // A nullable string that is a string, of another format or pattern: what is wrong is that, not its type.
                foreach (var difference in Translate(operation, asString, rules))
                {
                    yield return difference;
                }

                continue;
            }

            yield return Translate(operation, error, rules);
        }
    }

    private static ContractDifference Translate(string operation, ValidationError error, SchemaRules rules)
    {
        var path = JsonPathText.FromValidationPath(error.Path);
        var schema = error.Schema;
        var actual = ValueDescription.TypeOf(error.Token);
        return error.Kind switch
        {
            ValidationErrorKind.PropertyRequired =>
                new(operation, path, DifferenceClass.Breaking, DifferenceKinds.MissingRequiredMember, "required member", "missing"),
            ValidationErrorKind.NoAdditionalPropertiesAllowed =>
                new(operation, path, DifferenceClass.Additive, DifferenceKinds.UndocumentedMember, "no such member", ValueDescription.TypeOf((error.Token as JProperty)?.Value)),
            ValidationErrorKind.NotInEnumeration when schema is not null && rules.IsExtensible(schema) =>
                new(operation, path, DifferenceClass.Additive, DifferenceKinds.NewEnumValue, Enumeration(schema), ValueDescription.EnumValueOf(error.Token)),
            ValidationErrorKind.NotInEnumeration =>
                new(operation, path, DifferenceClass.Breaking, DifferenceKinds.ValueOutsideEnum, Enumeration(schema), ValueDescription.EnumValueOf(error.Token)),
            ValidationErrorKind.StringExpected or ValidationErrorKind.IntegerExpected or ValidationErrorKind.BooleanExpected or ValidationErrorKind.NoTypeValidates
                when LosslessConversion.IsReadBySdk(schema, error.Token) =>
                new(operation, path, DifferenceClass.Info, DifferenceKinds.TypeChanged, ValueDescription.TypeOf(schema), actual),
            ValidationErrorKind.StringExpected or ValidationErrorKind.NumberExpected or ValidationErrorKind.IntegerExpected
                or ValidationErrorKind.BooleanExpected or ValidationErrorKind.ObjectExpected or ValidationErrorKind.ArrayExpected
                or ValidationErrorKind.NullExpected or ValidationErrorKind.NoTypeValidates =>
                new(operation, path, DifferenceClass.Breaking, DifferenceKinds.TypeChanged, ValueDescription.TypeOf(schema), actual),
            ValidationErrorKind.PatternMismatch =>
                new(operation, path, ParsedBySdk(schema), DifferenceKinds.FormatChanged, $"{ValueDescription.TypeOf(schema)} matching {schema?.Pattern}", $"{actual} not matching"),
            _ when IsFormat(error.Kind) =>
                new(operation, path, ParsedBySdk(schema), DifferenceKinds.FormatChanged, ValueDescription.TypeOf(schema), $"{actual} in another format"),
            _ => new(operation, path, DifferenceClass.Info, DifferenceKinds.ConstraintViolated, error.Kind.ToString(), actual),
        };
    }

    /// <summary>
    /// A value outside its format or pattern breaks the SDK where it parses the string (a uuid, a date, an instant, a
    /// practice-local time, a uri); one it keeps as text (an email, an E.164 phone, a colour) it reads as sent: info.
    /// </summary>
    private static DifferenceClass ParsedBySdk(JsonSchema? schema)
        => SdkTypedFormats.Contains(schema?.Format) ? DifferenceClass.Breaking : DifferenceClass.Info;

    private static string Enumeration(JsonSchema? schema)
        => schema is null ? "enum" : "one of " + string.Join(", ", schema.Enumeration.Select(v => v?.ToString() ?? "null"));

    private static bool IsFormat(ValidationErrorKind kind) => kind is ValidationErrorKind.DateTimeExpected or ValidationErrorKind.DateExpected
        or ValidationErrorKind.TimeExpected or ValidationErrorKind.TimeSpanExpected or ValidationErrorKind.GuidExpected
        or ValidationErrorKind.UriExpected or ValidationErrorKind.EmailExpected or ValidationErrorKind.HostnameExpected
        or ValidationErrorKind.IpV4Expected or ValidationErrorKind.IpV6Expected or ValidationErrorKind.Base64Expected
        or ValidationErrorKind.UuidExpected;
}
