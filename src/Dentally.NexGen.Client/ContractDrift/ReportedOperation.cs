namespace Dentally.NexGen.Client;

/// <summary>An operation of the contract and the drift reporter of the pipeline its request went through; one per operation and pipeline.</summary>
internal sealed class ReportedOperation(string id, ContractDriftReporter reporter)
{
    public string Id { get; } = id;

    public ContractDriftReporter Reporter { get; } = reporter;
}
