using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// A response's status against its operation's documented ones (<see cref="ContractStatuses"/>), for
/// <see cref="NexGenClientBase"/>: a success the contract does not document for the operation — a 200 or 202
/// where it says 201, a 204 where it documents a body — is breaking drift, reported like a member of another
/// type and thrown as a <see cref="NexGenContractViolationException"/>, which says the server carried the
/// request out, rather than the generated code's bare "status code was not expected".
/// </summary>
internal static class ContractStatus
{
    /// <summary>The path a status difference is reported at, as <c>nexgen check</c> names it.</summary>
    public const string Path = "status";

    /// <summary>Whether the response is a success the contract documents for its operation; false for an error status.</summary>
    /// <exception cref="NexGenContractViolationException">A success status the operation does not document.</exception>
    public static bool IsDocumentedSuccess(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        var (operation, reporter) = ContractOperation.Of(response.RequestMessage);
        if (ContractStatuses.DocumentsSuccess(operation, (int)response.StatusCode))
        {
            return true;
        }

        reporter?.Report(operation, new ContractDriftFinding(ContractDriftKinds.UndocumentedStatus, Path), ContractDriftKinds.Breaking);
        var error = new ApiErrorResponse((int)response.StatusCode, null, ApiErrorResponse.ReadRequestId(response), null);
        throw new NexGenContractViolationException(error, operation, Path, ContractDriftKinds.UndocumentedStatus);
    }
}
