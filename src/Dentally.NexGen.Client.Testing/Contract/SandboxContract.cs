using Newtonsoft.Json.Linq;
using YamlDotNet.RepresentationModel;

namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>
/// The contract in spec/openapi.yaml, embedded in this assembly when it is built and read once per
/// process (with YamlDotNet, into JSON): the operations the sandbox serves, the limits it validates and
/// the problem type of each status come from here, so a change to the spec changes the sandbox with it.
/// </summary>
internal sealed class SandboxContract
{
    private static readonly Lazy<SandboxContract> Loaded = new(Load);

    private SandboxContract(JObject root)
    {
        Root = root;
        Operations = [.. Paths().SelectMany(path => path.Operations.Select(o => ContractOperation.From(path.Template, o.Method, o.Operation, Parameters(path.Item, o.Operation))))];
        Problems = ProblemCatalog.From(this);
    }

    public static SandboxContract Instance => Loaded.Value;

    /// <summary>The spec as JSON; scalars are strings, as written.</summary>
    public JObject Root { get; }

    /// <summary>Every operation, in the spec's order.</summary>
    public IReadOnlyList<ContractOperation> Operations { get; }

    public ProblemCatalog Problems { get; }

    /// <summary>The node itself, or the one its <c>$ref</c> (<c>#/components/…</c>) points to.</summary>
    public JToken Resolve(JToken node)
        => node["$ref"]?.ToString() is { } reference
            ? Resolve(reference.TrimStart('#', '/').Split('/').Aggregate((JToken)Root, (at, name) => at[name] ?? throw new InvalidOperationException($"The contract has no {reference}.")))
            : node;

    /// <summary>The operation named <paramref name="operationId"/>.</summary>
    public JToken Operation(string operationId) => Find(operationId).Operation;

    /// <summary>The parameters of an operation, its path's included, references resolved.</summary>
    public IEnumerable<JToken> Parameters(string operationId)
    {
        var (item, operation) = Find(operationId);
        return Parameters(item, operation);
    }

    private (JToken Item, JToken Operation) Find(string operationId)
        => Paths().SelectMany(p => p.Operations.Select(o => (p.Item, o.Operation))).Single(o => o.Operation["operationId"]?.ToString() == operationId);

    private IEnumerable<(string Template, JToken Item, IEnumerable<(string Method, JToken Operation)> Operations)> Paths()
        => ((JObject)Root["paths"]!).Properties().Select(path => (
            path.Name,
            path.Value,
            ((JObject)path.Value).Properties().Where(p => p.Name != "parameters").Select(p => (p.Name, p.Value))));

    private IEnumerable<JToken> Parameters(JToken pathItem, JToken operation)
        => (pathItem["parameters"] ?? new JArray()).Concat(operation["parameters"] ?? new JArray()).Select(Resolve);

    private static SandboxContract Load()
    {
        using var stream = typeof(SandboxContract).Assembly.GetManifestResourceStream("openapi.yaml")
            ?? throw new InvalidOperationException("The contract (openapi.yaml) is not embedded in the sandbox's assembly.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        return new SandboxContract((JObject)Json(yaml.Documents[0].RootNode));
    }

    private static JToken Json(YamlNode node) => node switch
    {
        YamlMappingNode map => new JObject(map.Children.Select(pair => new JProperty(((YamlScalarNode)pair.Key).Value!, Json(pair.Value)))),
        YamlSequenceNode sequence => new JArray(sequence.Children.Select(Json)),
        _ => new JValue(((YamlScalarNode)node).Value),
    };
}
