using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;
using NSwag;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// The contract in spec/openapi.yaml, read by the tests so that expected bodies and the shapes they
/// must have come from the spec itself: when the spec changes, these tests follow it.
/// </summary>
internal sealed class ContractSpec
{
    private static readonly Lazy<ContractSpec> Shared = new(() => new ContractSpec(RepoPaths.SpecFile));

    private readonly JObject _root;
    private readonly OpenApiDocument _document;

    private ContractSpec(string path)
    {
        _root = (JObject)YamlJson.Load(path);
        _document = OpenApiYamlDocument.FromFileAsync(path).GetAwaiter().GetResult();
    }

    public static ContractSpec Instance => Shared.Value;

    public JObject Root => _root;

    /// <summary>Every operation: (operationId, HTTP method, path template).</summary>
    public IEnumerable<(string OperationId, string Method, string Path)> Operations()
    {
        foreach (var path in ((JObject)_root["paths"]!).Properties())
        {
            foreach (var operation in ((JObject)path.Value).Properties().Where(p => p.Name != "parameters"))
            {
                yield return ((string)operation.Value["operationId"]!, operation.Name.ToUpperInvariant(), path.Name);
            }
        }
    }

    public JObject Operation(string operationId)
    {
        foreach (var path in ((JObject)_root["paths"]!).Properties())
        {
            foreach (var operation in ((JObject)path.Value).Properties().Where(p => p.Name != "parameters"))
            {
                if ((string?)operation.Value["operationId"] == operationId)
                {
                    return (JObject)operation.Value;
                }
            }
        }

        throw new KeyNotFoundException(operationId);
    }

    /// <summary>Every documented response of an operation with each of its examples.</summary>
    public IEnumerable<DocumentedResponse> Responses(string operationId)
    {
        foreach (var response in ((JObject)Operation(operationId)["responses"]!).Properties())
        {
            var resolved = (JObject)Resolve(response.Value);
            var headers = ((JObject?)resolved["headers"])?.Properties().Select(p => p.Name).ToArray() ?? [];
            foreach (var content in ((JObject)resolved["content"]!).Properties())
            {
                var schemaRef = (string?)content.Value["schema"]?["$ref"];
                foreach (var example in ((JObject)content.Value["examples"]!).Properties())
                {
                    var value = Resolve(example.Value)["value"]!;
                    yield return new DocumentedResponse(operationId, int.Parse(response.Name, System.Globalization.CultureInfo.InvariantCulture), content.Name, example.Name, value, SchemaName(schemaRef), headers);
                }
            }
        }
    }

    /// <summary>The first example of the operation's JSON request body.</summary>
    public JToken RequestExample(string operationId)
    {
        var content = Operation(operationId)["requestBody"]!["content"]!["application/json"]!;
        return Resolve(((JObject)content["examples"]!).Properties().First().Value)["value"]!.DeepClone();
    }

    public string RequestSchemaName(string operationId)
        => SchemaName((string?)Operation(operationId)["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"])!;

    /// <summary>Validates JSON against a schema of components/schemas, honouring OpenAPI's nullable.</summary>
    public ICollection<ValidationError> Validate(string schemaName, JToken json)
    {
        var schema = _document.Components.Schemas[schemaName];
        return new JsonSchemaValidator().Validate(json, schema, SchemaType.OpenApi3);
    }

    public JToken Resolve(JToken token)
    {
        while (token is JObject obj && obj["$ref"] is JValue reference)
        {
            var pointer = ((string)reference!).TrimStart('#', '/').Split('/');
            token = pointer.Aggregate((JToken)_root, (current, segment) => current[segment]!);
        }

        return token;
    }

    private static string? SchemaName(string? reference)
        => reference?.Substring(reference.LastIndexOf('/') + 1);
}

/// <summary>One example of one documented response.</summary>
internal sealed record DocumentedResponse(string OperationId, int Status, string ContentType, string ExampleName, JToken Body, string? SchemaName, IReadOnlyList<string> Headers)
{
    public override string ToString() => $"{OperationId} {Status} {ExampleName}";
}
