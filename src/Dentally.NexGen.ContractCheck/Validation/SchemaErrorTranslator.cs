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
                new(operation, path, DifferenceClass.Breaking, DifferenceKinds.FormatChanged, $"{ValueDescription.TypeOf(schema)} matching {schema?.Pattern}", $"{actual} not matching"),
            _ when IsFormat(error.Kind) =>
                new(operation, path, DifferenceClass.Breaking, DifferenceKinds.FormatChanged, ValueDescription.TypeOf(schema), $"{actual} in another format"),
            _ => new(operation, path, DifferenceClass.Info, DifferenceKinds.ConstraintViolated, error.Kind.ToString(), actual),
        };
    }

    private static string Enumeration(JsonSchema? schema)
        => schema is null ? "enum" : "one of " + string.Join(", ", schema.Enumeration.Select(v => v?.ToString() ?? "null"));

    private static bool IsFormat(ValidationErrorKind kind) => kind is ValidationErrorKind.DateTimeExpected or ValidationErrorKind.DateExpected
        or ValidationErrorKind.TimeExpected or ValidationErrorKind.TimeSpanExpected or ValidationErrorKind.GuidExpected
        or ValidationErrorKind.UriExpected or ValidationErrorKind.EmailExpected or ValidationErrorKind.HostnameExpected
        or ValidationErrorKind.IpV4Expected or ValidationErrorKind.IpV6Expected or ValidationErrorKind.Base64Expected
        or ValidationErrorKind.UuidExpected;
}
