using NSwag;

namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>
/// The contract in spec/openapi.yaml, embedded in this assembly when it is built and read once per
/// process with NSwag: the operations the sandbox serves, the limits it validates and the problem type
/// of each status come from here, so a change to the spec changes the sandbox with it.
/// </summary>
internal sealed class SandboxContract
{
    private static readonly Lazy<SandboxContract> Loaded = new(Load);

    private SandboxContract(OpenApiDocument document)
    {
        Document = document;
        Operations = [.. document.Paths.SelectMany(path => path.Value.Select(operation => ContractOperation.From(path.Key, operation.Key, operation.Value)))];
        Problems = ProblemCatalog.From(document);
    }

    public static SandboxContract Instance => Loaded.Value;

    public OpenApiDocument Document { get; }

    /// <summary>Every operation, in the spec's order.</summary>
    public IReadOnlyList<ContractOperation> Operations { get; }

    public ProblemCatalog Problems { get; }

    private static SandboxContract Load()
    {
        using var stream = typeof(SandboxContract).Assembly.GetManifestResourceStream("openapi.yaml")
            ?? throw new InvalidOperationException("The contract (openapi.yaml) is not embedded in the sandbox's assembly.");
        using var reader = new StreamReader(stream);
        var yaml = reader.ReadToEnd();
        return new SandboxContract(OpenApiYamlDocument.FromYamlAsync(yaml).GetAwaiter().GetResult());
    }
}
