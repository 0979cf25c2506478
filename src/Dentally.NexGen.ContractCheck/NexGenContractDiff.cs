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
    /// <exception cref="NexGenContractCheckException">The newer document could not be read as OpenAPI 3.0, or has none of this contract's operations.</exception>
    public static async Task<ContractReport> CompareAsync(string newerSpec, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(newerSpec);
        if (string.IsNullOrWhiteSpace(newerSpec))
        {
            throw new NexGenContractCheckException("The newer contract is empty.");
        }

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

        if (Unusable(sdk, newer) is { } reason)
        {
            throw new NexGenContractCheckException("The newer contract cannot be compared: " + reason);
        }

        return new ContractReport(sdk.Version, new SpecComparer(sdk, newer).Compare()) { ActualSource = "the newer contract says" };
    }

    /// <summary>
    /// Why a document that reads as OpenAPI still cannot be compared, or <see langword="null"/>: a comparison
    /// of another version's schemas, or of another API, would report every operation removed (or, for
    /// OpenAPI 3.1's type lists, nothing at all), not what changed.
    /// </summary>
    private static string? Unusable(ContractDocument sdk, ContractDocument newer)
    {
        var document = newer.Document;
        if (document.SchemaType != NJsonSchema.SchemaType.OpenApi3)
        {
            return string.IsNullOrEmpty(document.Swagger)
                ? "it has no openapi version, so it is not an OpenAPI document."
                : $"it is Swagger {document.Swagger}; compare an OpenAPI 3.0 document, as this SDK's contract is.";
        }

        if (!document.OpenApi.StartsWith("3.0.", StringComparison.Ordinal))
        {
            return $"it is OpenAPI {document.OpenApi}; compare an OpenAPI 3.0 document, as this SDK's contract is.";
        }

        if (!sdk.Operations.Any(o => newer.Has(o.Id)))
        {
            var title = document.Info?.Title is { Length: > 0 } name ? $"'{(name.Length > 80 ? name[..80] + "…" : name)}'" : "no title";
            return $"it has none of this SDK's operations (operationId) and {title}: is it the contract of the {sdk.Document.Info.Title}?";
        }

        return null;
    }
}
