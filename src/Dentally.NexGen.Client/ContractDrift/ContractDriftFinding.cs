namespace Dentally.NexGen.Client;

/// <summary>One difference found in a response: its kind and JSON path; never a value.</summary>
internal readonly struct ContractDriftFinding(string kind, string path)
{
    public string Kind { get; } = kind;

    public string Path { get; } = path;
}
