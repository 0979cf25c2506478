using Dentally.NexGen.ContractCheck.Validation;
using NJsonSchema;

namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// Compares the SDK's schema of a request or response body with a newer contract's, member by member
/// (through <c>allOf</c>, objects and arrays): members added and removed, changed types and formats,
/// required and nullable changes, enum values added and removed, members newly deprecated, and bounds, patterns and defaults
/// (<see cref="ValueBounds"/>) — each classed for the side.
/// </summary>
internal sealed class SchemaComparer(Action<string, DifferenceClass, string, string, string> report)
{
    // By side too: a schema both sent and read (a practice-local time) is judged as each.
    private readonly HashSet<(JsonSchema, JsonSchema, SchemaSide)> _compared = [];

    /// <summary>The kind of a difference that marks an operation, a parameter or a member deprecated: info, it still works.</summary>
    public const string Deprecated = "deprecated";

    /// <summary>Compares two schemas at <paramref name="path"/> (e.g. <c>response 200 $</c>).</summary>
    public void Compare(JsonSchema sdk, JsonSchema newer, string path, SchemaSide side)
    {
        // On the member itself or on the schema it names.
        if (!sdk.IsDeprecated && !sdk.ActualSchema.IsDeprecated && (newer.IsDeprecated || newer.ActualSchema.IsDeprecated))
        {
            report(path, DifferenceClass.Info, Deprecated, "not deprecated", "deprecated");
        }

        sdk = sdk.ActualSchema;
        newer = newer.ActualSchema;
        if (!_compared.Add((sdk, newer, side)))
        {
            return;
        }

        if (CompareType(sdk, newer, path, side))
        {
            // Another kind of value altogether (an object now an array): its members are not "removed".
            return;
        }

        ValueBounds.Compare(sdk, newer, side, (@class, kind, expected, actual) => report(path, @class, kind, expected, actual));

        CompareEnum(sdk, newer, path, side);
        CompareMembers(sdk, newer, path, side);
        if (sdk.Item is { } sdkItem && newer.Item is { } newerItem)
        {
            Compare(sdkItem, newerItem, path + "[]", side);
        }
    }

    /// <summary>Reports a changed type or nullability; true when the value is of another JSON type altogether.</summary>
    private bool CompareType(JsonSchema sdk, JsonSchema newer, string path, SchemaSide side)
    {
        var (sdkType, newerType) = (ValueDescription.TypeOf(WithoutNull(sdk)), ValueDescription.TypeOf(WithoutNull(newer)));
        var (sdkKind, newerKind) = (sdk.Type & ~JsonObjectType.Null, newer.Type & ~JsonObjectType.Null);
        var otherKind = sdkKind != JsonObjectType.None && newerKind != JsonObjectType.None && sdkKind != newerKind;
        var changed = sdkType != newerType && (otherKind || (Members(sdk).Count == 0 && Members(newer).Count == 0));
        if (changed)
        {
            report(path, DifferenceClass.Breaking, "type-changed", sdkType, newerType);
        }

        var (sdkNull, newerNull) = (sdk.Type.HasFlag(JsonObjectType.Null), newer.Type.HasFlag(JsonObjectType.Null));
        if (sdkNull != newerNull)
        {
            // A response that may now be null breaks code that read it as always set; a request member
            // that may no longer be null breaks the SDK's sending null.
            var breaks = side == SchemaSide.Response ? newerNull : sdkNull;
            report(path, breaks ? DifferenceClass.Breaking : DifferenceClass.Info, newerNull ? "became-nullable" : "became-non-nullable", sdkNull ? "nullable" : "not nullable", newerNull ? "nullable" : "not nullable");
        }

        return otherKind;
    }

    private void CompareEnum(JsonSchema sdk, JsonSchema newer, string path, SchemaSide side)
    {
        var sdkValues = sdk.Enumeration.Select(v => v?.ToString() ?? "null").ToHashSet(StringComparer.Ordinal);
        var newerValues = newer.Enumeration.Select(v => v?.ToString() ?? "null").ToHashSet(StringComparer.Ordinal);
        if (sdkValues.Count == 0 || newerValues.Count == 0)
        {
            return;
        }

        foreach (var added in newerValues.Except(sdkValues).Order(StringComparer.Ordinal))
        {
            // A value the server may now send is tolerated by the SDK; one it may now accept is new to use.
            report(path, DifferenceClass.Additive, "enum-value-added", "absent", added);
        }

        foreach (var removed in sdkValues.Except(newerValues).Order(StringComparer.Ordinal))
        {
            report(path, side == SchemaSide.Request ? DifferenceClass.Breaking : DifferenceClass.Info, "enum-value-removed", removed, "absent");
        }
    }

    private void CompareMembers(JsonSchema sdk, JsonSchema newer, string path, SchemaSide side)
    {
        var (sdkMembers, newerMembers) = (Members(sdk), Members(newer));
        var (sdkRequired, newerRequired) = (Required(sdk), Required(newer));
        foreach (var (name, schema) in sdkMembers)
        {
            var memberPath = $"{path}.{name}";
            if (!newerMembers.TryGetValue(name, out var newerSchema))
            {
                report(memberPath, DifferenceClass.Breaking, "member-removed", sdkRequired.Contains(name) ? "required member" : "optional member", "absent");
                continue;
            }

            var (wasRequired, isRequired) = (sdkRequired.Contains(name), newerRequired.Contains(name));
            if (wasRequired != isRequired)
            {
                var breaks = side == SchemaSide.Response ? wasRequired : isRequired;
                report(memberPath, breaks ? DifferenceClass.Breaking : DifferenceClass.Info, isRequired ? "became-required" : "became-optional", wasRequired ? "required" : "optional", isRequired ? "required" : "optional");
            }

            Compare(schema, newerSchema, memberPath, side);
        }

        foreach (var name in newerMembers.Keys.Except(sdkMembers.Keys).Order(StringComparer.Ordinal))
        {
            var required = newerRequired.Contains(name);
            var breaks = side == SchemaSide.Request && required;
            report($"{path}.{name}", breaks ? DifferenceClass.Breaking : DifferenceClass.Additive, "member-added", "absent", required ? "required member" : "optional member");
        }
    }

    /// <summary>The members of an object, its <c>allOf</c> parts' included.</summary>
    private static Dictionary<string, JsonSchema> Members(JsonSchema schema)
    {
        var members = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        foreach (var (name, property) in schema.Properties)
        {
            members[name] = property;
        }

        foreach (var part in schema.AllOf)
        {
            foreach (var (name, property) in Members(part.ActualSchema))
            {
                members.TryAdd(name, property);
            }
        }

        return members;
    }

    private static HashSet<string> Required(JsonSchema schema)
    {
        var required = schema.RequiredProperties.ToHashSet(StringComparer.Ordinal);
        required.UnionWith(schema.Properties.Where(p => p.Value.IsRequired).Select(p => p.Key));
        foreach (var part in schema.AllOf)
        {
            required.UnionWith(Required(part.ActualSchema));
        }

        return required;
    }

    private static JsonSchema WithoutNull(JsonSchema schema) => new() { Type = schema.Type & ~JsonObjectType.Null, Format = schema.Format };
}
