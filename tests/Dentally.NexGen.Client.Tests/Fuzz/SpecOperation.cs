using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Tests.Fuzz;

/// <summary>One operation of spec/openapi.yaml as the fuzz test needs it: parameters, body schema and documented responses, every $ref resolved.</summary>
internal sealed class SpecOperation
{
    private SpecOperation(string id, string method, string path, IReadOnlyList<SpecParameter> parameters, JObject? body, IReadOnlyDictionary<int, SpecResponse> responses)
    {
        Id = id;
        Method = method;
        Path = path;
        Parameters = parameters;
        Body = body;
        Responses = responses;
    }

    public string Id { get; }

    public string Method { get; }

    public string Path { get; }

    public IReadOnlyList<SpecParameter> Parameters { get; }

    /// <summary>The JSON request body's schema, if the operation takes one (always required in this contract).</summary>
    public JObject? Body { get; }

    public IReadOnlyDictionary<int, SpecResponse> Responses { get; }

    public static IReadOnlyList<SpecOperation> All(ContractSpec spec)
        => spec.Operations().Select(o => Read(spec, o.OperationId, o.Method, o.Path)).ToList();

    /// <summary>A schema with its $ref (and those of its properties and items) resolved.</summary>
    public static JObject Resolve(ContractSpec spec, JToken schema)
    {
        var resolved = (JObject)spec.Resolve(schema).DeepClone();
        if (resolved["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties().ToList())
            {
                property.Value = Resolve(spec, property.Value);
            }
        }

        if (resolved["items"] is { } items)
        {
            resolved["items"] = Resolve(spec, items);
        }

        return resolved;
    }

    private static SpecOperation Read(ContractSpec spec, string id, string method, string path)
    {
        var operation = spec.Operation(id);
        var pathItem = (JObject)spec.Root["paths"]![path]!;
        var parameters = ((JArray?)pathItem["parameters"] ?? [])
            .Concat((JArray?)operation["parameters"] ?? [])
            .Select(p => (JObject)spec.Resolve(p))
            .Select(p => new SpecParameter((string)p["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false, Resolve(spec, p["schema"]!)))
            .ToList();
        var body = operation["requestBody"]?["content"]?["application/json"]?["schema"] is { } schema ? Resolve(spec, schema) : null;
        var responses = new Dictionary<int, SpecResponse>();
        foreach (var response in ((JObject)operation["responses"]!).Properties())
        {
            var resolved = (JObject)spec.Resolve(response.Value);
            var content = ((JObject?)resolved["content"])?.Properties().FirstOrDefault();
            var reference = (string?)content?.Value["schema"]?["$ref"];
            responses[int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture)] = new SpecResponse(
                content?.Name,
                reference?[(reference.LastIndexOf('/') + 1)..],
                ((JObject?)resolved["headers"])?.Properties().Select(h => h.Name).ToList() ?? []);
        }

        return new SpecOperation(id, method, path, parameters, body, responses);
    }

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>A path, query or header parameter.</summary>
internal sealed record SpecParameter(string Name, string In, bool Required, JObject Schema);

/// <summary>A documented response: its media type, the schema its body follows, and its headers.</summary>
internal sealed record SpecResponse(string? ContentType, string? SchemaName, IReadOnlyList<string> Headers);
