namespace Dentally.NexGen.ContractCheck.Contract;

/// <summary>
/// The contract this SDK was generated from (spec/openapi.yaml), carried in the assembly: the check
/// downloads nothing. Read once per process.
/// </summary>
internal static class EmbeddedContract
{
    private const string ResourceName = "Dentally.NexGen.ContractCheck.openapi.yaml";

    private static readonly Lazy<Task<ContractDocument>> Document = new(() => ContractDocument.ReadAsync(ReadText(), CancellationToken.None));

    /// <summary>The contract's YAML text.</summary>
    public static string ReadText()
    {
        using var stream = typeof(EmbeddedContract).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded contract {ResourceName} is missing from {typeof(EmbeddedContract).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The contract, read and prepared once.</summary>
    public static Task<ContractDocument> LoadAsync() => Document.Value;
}
