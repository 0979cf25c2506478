using NSwag;

namespace Dentally.NexGen.ContractCheck.Contract;

/// <summary>A contract read and prepared for validation: its version, operations by id and the schema rules added for checking.</summary>
internal sealed class ContractDocument
{
    private readonly Dictionary<string, ContractOperation> _operations;

    private ContractDocument(OpenApiDocument document, SchemaRules rules)
    {
        Document = document;
        Rules = rules;
        _operations = document.Operations
            .Where(o => !string.IsNullOrEmpty(o.Operation.OperationId))
            .Select(o => new ContractOperation(o.Operation.OperationId, o.Method.ToUpperInvariant(), o.Path, o.Operation))
            .ToDictionary(o => o.Id, StringComparer.Ordinal);
    }

    /// <summary>The document as read.</summary>
    public OpenApiDocument Document { get; }

    /// <summary>The contract's <c>info.version</c>.</summary>
    public string Version => Document.Info?.Version ?? "unknown";

    /// <summary>Every operation with an id, in the document's order.</summary>
    public IEnumerable<ContractOperation> Operations => _operations.Values;

    /// <summary>What the schemas were tightened with for checking (see <see cref="SchemaRules"/>).</summary>
    public SchemaRules Rules { get; }

    /// <summary>The operation with this id.</summary>
    public ContractOperation this[string operationId] => _operations.TryGetValue(operationId, out var operation)
        ? operation
        : throw new InvalidOperationException($"The contract has no operation '{operationId}'.");

    /// <summary>Whether the contract has an operation with this id.</summary>
    public bool Has(string operationId) => _operations.ContainsKey(operationId);

    /// <summary>Reads an OpenAPI document (YAML or JSON) and prepares its schemas for checking.</summary>
    public static async Task<ContractDocument> ReadAsync(string text, CancellationToken cancellationToken)
    {
        var document = await OpenApiYamlDocument.FromYamlAsync(text, null, cancellationToken).ConfigureAwait(false);
        return new ContractDocument(document, SchemaRules.Apply(document));
    }
}
