namespace Dentally.NexGen.ContractCheck;

/// <summary>
/// One difference between what the contract says and what the server sent. It names where (the
/// operation and a JSON path) and what (types, formats, statuses, enum values) — never a value taken
/// from a record, so a report can be shared and stored.
/// </summary>
/// <param name="Operation">The contract's <c>operationId</c>, e.g. <c>searchPatients</c>, or <c>server</c> for the server as a whole.</param>
/// <param name="Path">Where in the answer: a JSON path into the body such as <c>$.items[0].date_of_birth</c>, <c>header X-Request-Id</c>, or <c>status</c>.</param>
/// <param name="Class">What the difference means for an integrator.</param>
/// <param name="Kind">What kind of difference, e.g. <c>missing-required-member</c>, <c>undocumented-member</c>, <c>type-changed</c>.</param>
/// <param name="Expected">What the contract says, e.g. <c>string (format uuid)</c>.</param>
/// <param name="Actual">What the server sent, described by its type, e.g. <c>integer</c>; enum values, statuses and problem types as they are.</param>
public sealed record ContractDifference(string Operation, string Path, DifferenceClass Class, string Kind, string Expected, string Actual)
{
    /// <summary>The server's <c>X-Request-Id</c> of the answer the difference was found in, to quote to support; <see langword="null"/> when it sent none.</summary>
    public string? RequestId { get; init; }

    /// <summary>The SDK members the difference touches, e.g. <c>client.Patients.SearchAsync</c> or <c>BookingWorkflow</c> (filled by <see cref="NexGenContractDiff"/>; empty otherwise).</summary>
    public IReadOnlyList<string> SdkMembers { get; init; } = [];
}
