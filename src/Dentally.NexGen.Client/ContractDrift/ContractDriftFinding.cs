namespace Dentally.NexGen.Client;

/// <summary>One difference found in a response: its kind, JSON path and class; never a value.</summary>
internal readonly struct ContractDriftFinding(string kind, string path, string driftClass = ContractDriftKinds.Additive)
{
    public string Kind { get; } = kind;

    public string Path { get; } = path;

    /// <summary>What it means for the call: <see cref="ContractDriftKinds.Additive"/> or <see cref="ContractDriftKinds.Info"/> when the SDK read it.</summary>
    public string Class { get; } = driftClass;
}
