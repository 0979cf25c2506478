using System.Collections;
using NJsonSchema;
using NJsonSchema.Visitors;
using NSwag;

namespace Dentally.NexGen.ContractCheck.Contract;

/// <summary>
/// Turns what the contract says in OpenAPI 3.0 terms into rules NJsonSchema's validator checks, so the
/// library does all the validating: <c>nullable: true</c> becomes a <c>null</c> type (the validator
/// reads it only at the top level), <c>x-extensible-enum</c> becomes an enum (a value outside it is
/// then reported, and classed additive because <see cref="IsExtensible"/>), and an object that does
/// not say otherwise allows no member the contract does not name (reported as additive). Problem
/// bodies keep their extension members (RFC 9457), and the parts of an <c>allOf</c> stay open, since
/// each part sees only its own members.
/// </summary>
internal sealed class SchemaRules
{
    private const string ExtensibleEnum = "x-extensible-enum";

    private readonly HashSet<JsonSchema> _extensible = new(ReferenceEqualityComparer.Instance);

    private SchemaRules()
    {
    }

    /// <summary>Whether the schema's enum is extensible: a value outside it is additive, not breaking.</summary>
    public bool IsExtensible(JsonSchema schema) => _extensible.Contains(schema) || _extensible.Contains(schema.ActualSchema);

    /// <summary>Applies the rules to every schema of the document.</summary>
    public static SchemaRules Apply(OpenApiDocument document)
    {
        var schemas = new SchemaCollector();
        schemas.Visit(document);

        var rules = new SchemaRules();
        var composed = schemas.All.SelectMany(s => s.AllOf).Select(s => s.ActualSchema).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var schema in schemas.All.Where(s => s.Reference is null))
        {
            if (schema.IsNullableRaw == true && schema.Type != JsonObjectType.None)
            {
                schema.Type |= JsonObjectType.Null;
            }

            if (schema.Enumeration.Count == 0 && ExtensibleValues(schema) is { Count: > 0 } values)
            {
                foreach (var value in values)
                {
                    schema.Enumeration.Add(value);
                }

                rules._extensible.Add(schema);
            }

            var isObject = schema.Type.HasFlag(JsonObjectType.Object) || schema.Properties.Count > 0;
            if (isObject && schema.AdditionalPropertiesSchema is null && schema.AllOf.Count == 0 && !composed.Contains(schema))
            {
                schema.AllowAdditionalProperties = false;
            }
        }

        return rules;
    }

    private static List<string>? ExtensibleValues(JsonSchema schema)
        => schema.ExtensionData is { } data && data.TryGetValue(ExtensibleEnum, out var raw) && raw is IEnumerable values and not string
            ? values.Cast<object?>().Select(v => v?.ToString()).OfType<string>().ToList()
            : null;

    /// <summary>Every schema object in the document, each once.</summary>
    private sealed class SchemaCollector : JsonSchemaVisitorBase
    {
        private readonly HashSet<JsonSchema> _seen = new(ReferenceEqualityComparer.Instance);

        public List<JsonSchema> All { get; } = [];

        protected override JsonSchema VisitSchema(JsonSchema schema, string path, string? typeNameHint)
        {
            if (_seen.Add(schema))
            {
                All.Add(schema);
            }

            // The schema itself: the visitor replaces nothing.
            return schema;
        }
    }
}
