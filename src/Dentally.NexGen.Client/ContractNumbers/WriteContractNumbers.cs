// Build-time only: compiled by MSBuild's RoslynCodeTaskFactory (ContractNumbers/ContractNumbers.targets), never part of the client.
// It reads the JSON document NSwag writes from spec/openapi.yaml with JsonReaderWriterFactory, which
// netstandard itself holds, so the build needs no JSON package and the client no runtime reading of the spec.
#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WriteContractNumbers : Task
{
    // The keywords that bound a value, and the suffix of the constant each becomes.
    // Written without C# 12's collection expressions: an older MSBuild (Visual Studio's) compiles this too.
    private static readonly string[][] Keywords =
    {
        new[] { "minLength", "MinLength" },
        new[] { "maxLength", "MaxLength" },
        new[] { "minimum", "Minimum" },
        new[] { "maximum", "Maximum" },
        new[] { "default", "Default" },
    };

    // A path item's operations; its other members (parameters, summary, x-…) are not operations.
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    [Required]
    public string DocumentFile { get; set; } = string.Empty;

    [Required]
    public string OutputFile { get; set; } = string.Empty;

    public override bool Execute()
    {
        XElement root;
        using (var reader = JsonReaderWriterFactory.CreateJsonReader(File.ReadAllBytes(DocumentFile), XmlDictionaryReaderQuotas.Max))
        {
            root = XElement.Load(reader);
        }

        var numbers = new List<string[]>();
        var components = Child(root, "components");
        foreach (var parameter in Children(Child(components, "parameters")))
        {
            AddNumbers(numbers, Pascal(Key(parameter)), Child(parameter, "schema"), "#/components/parameters/" + Key(parameter));
        }

        var bodies = new List<string>();
        var statuses = new List<string[]>();
        var paths = Children(Child(root, "paths")).ToList();
        foreach (var path in paths)
        {
            foreach (var operation in Children(path).Where(o => Methods.Contains(Key(o))))
            {
                var id = Child(operation, "operationId")?.Value ?? throw new InvalidOperationException(Key(path) + " has an operation without an operationId.");
                AddExtensionNumbers(numbers, id, operation);
                statuses.Add(new[] { id, StatusTest(Children(Child(operation, "responses")).Select(Key).ToList()) });
                var inline = Children(Child(path, "parameters")).Concat(Children(Child(operation, "parameters"))).Where(p => Child(p, "$ref") is null);
                foreach (var parameter in inline)
                {
                    var name = Child(parameter, "name")!.Value;
                    AddNumbers(numbers, Pascal(id) + Pascal(name), Child(parameter, "schema"), "the " + name + " parameter of " + id);
                }

                foreach (var content in Children(Child(Child(operation, "requestBody"), "content")))
                {
                    var reference = Child(Child(content, "schema"), "$ref")?.Value;
                    if (reference is not null && !bodies.Contains(reference))
                    {
                        bodies.Add(reference);
                    }
                }
            }
        }

        foreach (var reference in bodies)
        {
            var schemaName = reference.Substring(reference.LastIndexOf('/') + 1);
            foreach (var property in Children(Child(Child(Child(components, "schemas"), schemaName), "properties")))
            {
                AddNumbers(numbers, schemaName + Pascal(Key(property)), property, reference + "/properties/" + Key(property));
            }
        }

        var duplicate = numbers.GroupBy(n => n[0]).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            Log.LogError("Two numbers of the contract would both be named ContractNumbers." + duplicate.Key + ".");
            return false;
        }

        // A schema of its own with an x-extensible-enum: members that name it by $ref get no extension data in
        // NSwag's templates, so the client finds its known values here.
        var extensible = new List<string[]>();
        foreach (var schema in Children(Child(components, "schemas")).Where(schema => Child(schema, "x-extensible-enum") is not null))
        {
            // The client keeps the values comma-separated: each must be a non-empty word without one.
            var values = Children(Child(schema, "x-extensible-enum")).Select(value => value.Value).ToList();
            if (values.Count == 0 || values.Any(value => value.Length == 0 || value.Any(c => c == ',' || char.IsControl(c) || c == '"' || c == '\\')))
            {
                Log.LogError($"The x-extensible-enum of {Key(schema)} is not a list of plain values the client can keep.");
                continue;
            }

            extensible.Add(new[] { Key(schema), string.Join(",", values) });
        }

        Write(numbers, paths.Select(Key).ToList(), extensible, statuses);
        return !Log.HasLoggedErrors;
    }

    private void Write(List<string[]> numbers, List<string> templates, List<string[]> extensible, List<string[]> statuses)
    {
        var code = new StringBuilder();
        code.Append("// <auto-generated>\n")
            .Append("// Written from spec/openapi.yaml at build time (ContractNumbers/ContractNumbers.targets). Do not edit.\n")
            .Append("// </auto-generated>\n")
            .Append("namespace Dentally.NexGen.Client;\n\n")
            .Append("/// <summary>The bounds the contract sets on request parameters and request bodies, and the whole numbers of its operations' x- members, read from the spec when the client is built.</summary>\n")
            .Append("internal static class ContractNumbers\n{\n");
        foreach (var number in numbers)
        {
            code.Append("    /// <summary>The <c>").Append(number[2]).Append("</c> of ").Append(Escape(number[3])).Append(".</summary>\n")
                .Append("    public const int ").Append(number[0]).Append(" = ").Append(number[1]).Append(";\n\n");
        }

        code.Length -= 1;
        code.Append("}\n\n")
            .Append("/// <summary>The contract's path templates, in the spec's order.</summary>\n")
            .Append("internal static class ContractPaths\n{\n")
            .Append("    public static readonly System.Collections.Generic.IReadOnlyList<string> Templates = new[]\n    {\n");
        foreach (var template in templates)
        {
            code.Append("        \"").Append(template.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\",\n");
        }

        code.Append("    };\n}\n\n")
            .Append("/// <summary>The known values of the contract's extensible enumerations (a schema's <c>x-extensible-enum</c>), comma-separated.</summary>\n")
            .Append("internal static class ContractValues\n{\n");
        foreach (var values in extensible)
        {
            code.Append("    /// <summary>The <c>x-extensible-enum</c> of <c>").Append(values[0]).Append("</c>.</summary>\n")
                .Append("    public const string ").Append(values[0]).Append(" = \"").Append(values[1]).Append("\";\n\n");
        }

        code.Length -= 1;
        code.Append("}\n\n")
            .Append("/// <summary>The response statuses the contract documents for each operation.</summary>\n")
            .Append("internal static class ContractStatuses\n{\n")
            .Append("    /// <summary>Whether the contract documents <paramref name=\"status\"/> for the operation; true for an operation it does not have.</summary>\n")
            .Append("    public static bool Documents(string operationId, int status) => operationId switch\n    {\n");
        foreach (var status in statuses)
        {
            code.Append("        \"").Append(status[0]).Append("\" => ").Append(status[1]).Append(",\n");
        }

        code.Append("        _ => true,\n    };\n}\n");
        Directory.CreateDirectory(Path.GetDirectoryName(OutputFile)!);
        File.WriteAllText(OutputFile, code.ToString(), new UTF8Encoding(false));
    }

    private void AddNumbers(List<string[]> numbers, string name, XElement? schema, string where)
    {
        foreach (var keyword in Keywords)
        {
            // NSwag writes a default as the YAML scalar it read ("20"); only a number's default is a number.
            var value = Child(schema, keyword[0]);
            if (value is null || (keyword[0] == "default" && Child(schema, "type")?.Value is not ("integer" or "number")))
            {
                continue;
            }

            if (!decimal.TryParse(value.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                || number != decimal.Truncate(number) || number > int.MaxValue || number < int.MinValue)
            {
                Log.LogError($"The {keyword[0]} of {where} ({value.Value}) is not a whole number the client can check.");
                continue;
            }

            numbers.Add(new[] { name + keyword[1], ((int)number).ToString(CultureInfo.InvariantCulture), keyword[0], where });
        }
    }

    // A bound no JSON Schema keyword states (getAvailability's window) is a number in an x- member of its operation.
    private void AddExtensionNumbers(List<string[]> numbers, string operationId, XElement operation)
    {
        // NSwag writes the YAML scalar it read ("31"): an extension is a number when its text is one.
        foreach (var extension in Children(operation).Where(c => Key(c).StartsWith("x-", StringComparison.Ordinal) && !c.HasElements && Key(c).Skip(2).All(IsNamePart)))
        {
            if (!int.TryParse(extension.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                continue;
            }

            numbers.Add(new[] { Pascal(operationId) + Pascal(Key(extension).Substring(2)), number.ToString(CultureInfo.InvariantCulture), Key(extension), operationId });
        }
    }

    // The test of a status against an operation's documented responses: "status is 200 or 401 or (>= 500 and < 600)"
    // for a 200, a 401 and a 5XX range; a default response documents every status.
    private static string StatusTest(List<string> responses)
    {
        if (responses.Contains("default"))
        {
            return "true";
        }

        var patterns = responses
            .Where(r => r.Length == 3 && char.IsDigit(r[0]) && (r.Skip(1).All(char.IsDigit) || r.Substring(1).Equals("XX", StringComparison.OrdinalIgnoreCase)))
            .Select(r => char.IsDigit(r[1]) ? r : $"(>= {r[0]}00 and < {(char)(r[0] + 1)}00)")
            .ToList();
        return patterns.Count == 0 ? "false" : "status is " + string.Join(" or ", patterns);
    }

    // What Pascal turns into part of a C# name.
    private static bool IsNamePart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';

    // JsonReaderWriterFactory names an element after its member, or, when the member is no XML name
    // ("$ref", "/v2/sites"), calls it "item" and keeps the member's name in an "item" attribute.
    private static string Key(XElement element)
        => element.Name.LocalName == "item" && element.Attribute("item") is { } name ? name.Value : element.Name.LocalName;

    private static XElement? Child(XElement? element, string key) => Children(element).FirstOrDefault(c => Key(c) == key);

    private static IEnumerable<XElement> Children(XElement? element) => element?.Elements() ?? Enumerable.Empty<XElement>();

    // page_size → PageSize, Idempotency-Key → IdempotencyKey, searchPatients → SearchPatients.
    private static string Pascal(string name)
        => string.Concat(name.Split(new[] { '_', '-' }, StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part.Substring(1)));

    private static string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
