namespace Dentally.NexGen.Client;

/// <summary>
/// A success response the SDK cannot read as its contract documents it: a member the contract requires
/// is missing (or <c>null</c>), a member has another type or format, or the success status is not one the
/// contract documents for the operation (a 200 or 202 where it says 201). The API has drifted from this SDK
/// version (see docs/contract-drift.md): quote <see cref="Operation"/>, <see cref="Path"/> and
/// <see cref="NexGenApiException.RequestId"/> to Dentally. The message and properties name the path
/// only, never a value from the body, which may hold patient data. The server did answer with a
/// success: a POST it answered (a booking) was carried out.
/// </summary>
public class NexGenContractViolationException : NexGenApiException
{
    internal NexGenContractViolationException(ApiErrorResponse response, string operation, string path, string kind)
        : base(response, Describe(operation, path, kind), innerException: null)
    {
        Operation = operation;
        Path = path;
        Kind = kind;
    }

    /// <summary>The contract's operationId of the call, for example <c>getAppointment</c>.</summary>
    public string Operation { get; }

    /// <summary>The JSON path of the member, for example <c>$.items[3].scheduled_start</c>, or <c>status</c> for an undocumented success status.</summary>
    public string Path { get; }

    /// <summary>What differs: <c>missing-required-member</c>, <c>type-changed</c> or <c>undocumented-status</c>, as <c>nexgen check</c> names it, <c>wrong-page</c> when a paged walk was answered another page than it asked for, <c>wrong-total</c> when a page's <c>total</c> is negative or below the first page's items, or <c>query-ignored</c> when a patient search was answered with a patient whose name holds no word of the query.</summary>
    public string Kind { get; }

    private static string Describe(string operation, string path, string kind)
        => "The response to " + operation + " does not match the SDK's contract: " + kind switch
        {
            ContractDriftKinds.MissingRequiredMember => path + " is required but missing",
            WrongPage.Kind => path + " is not the page asked for (the server ignored page): the list was not read to its end",
            WrongTotal.Kind => path + " is negative or fewer than the first page's items (the server does not count the list): the list was not read to its end",
            IgnoredQuery.Kind => path + " matches no word of the search's query (the server ignored query, or takes it under another name): the page is not the search asked for",
            ContractDriftKinds.UndocumentedStatus => "its success status is not one the contract documents (the server accepted the request: do not send it again under another key)",
            _ => path + " is null or not of the documented type or format",
        };
}
