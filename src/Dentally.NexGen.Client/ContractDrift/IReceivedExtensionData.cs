namespace Dentally.NexGen.Client;

/// <summary>
/// A generated model's members received beyond the contract, read without creating the dictionary its
/// public <c>AdditionalProperties</c> getter would create (CodeGeneration/Class.liquid implements it).
/// </summary>
internal interface IReceivedExtensionData
{
    /// <summary>The undocumented members received, or <see langword="null"/> when there were none.</summary>
    IDictionary<string, object>? Received { get; }
}
