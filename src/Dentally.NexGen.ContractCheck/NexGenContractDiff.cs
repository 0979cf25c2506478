using Dentally.NexGen.ContractCheck.Contract;
using Dentally.NexGen.ContractCheck.Diff;

namespace Dentally.NexGen.ContractCheck;

/// <summary>
/// What a newer contract (for example the one the portal publishes) changes for an integrator on this
/// SDK version: operations, parameters, request and response members, enums, statuses and problem
/// types added, removed or changed — each classed and naming the SDK members it touches.
/// </summary>
public static class NexGenContractDiff
{
    /// <summary>Compares the contract this SDK was generated from with a newer one.</summary>
    /// <param name="newerSpec">The newer OpenAPI 3.0 document, YAML or JSON.</param>
    /// <param name="cancellationToken">Stops the comparison.</param>
    /// <returns>The changes, as differences: <c>expected</c> is what this SDK's contract says, <c>actual</c> what the newer one says.</returns>
    /// <exception cref="NexGenContractCheckException">The newer document could not be read as OpenAPI.</exception>
    public static async Task<ContractReport> CompareAsync(string newerSpec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newerSpec);
        var sdk = await EmbeddedContract.LoadAsync().ConfigureAwait(false);
        ContractDocument newer;
        try
        {
            newer = await ContractDocument.ReadAsync(newerSpec, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new NexGenContractCheckException($"The newer contract could not be read as OpenAPI ({exception.GetType().Name}: {exception.Message.Split('\n')[0]}).", exception);
        }

        return new ContractReport(sdk.Version, new SpecComparer(sdk, newer).Compare()) { ActualSource = "the newer contract says" };
    }
}
