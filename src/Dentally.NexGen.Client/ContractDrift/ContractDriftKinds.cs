namespace Dentally.NexGen.Client;

/// <summary>The kinds and classes of drift, named as <c>nexgen check</c> names them in its report.</summary>
internal static class ContractDriftKinds
{
    public const string UndocumentedMember = "undocumented-member";

    public const string NewEnumValue = "new-enum-value";

    public const string MissingRequiredMember = "missing-required-member";

    public const string TypeChanged = "type-changed";

    public const string UndocumentedStatus = "undocumented-status";

    public const string MediaTypeChanged = "media-type-changed";

    public const string SecurityChanged = "security-changed";

    public const string ProblemTypeChanged = "problem-type-changed";

    /// <summary>A semantic the SDK relies on beyond the schemas is broken: a 401 without <c>WWW-Authenticate</c>.</summary>
    public const string SemanticBroken = "semantic-broken";

    /// <summary>The API announces the operation is going: a <c>Deprecation</c> (RFC 9745) or <c>Sunset</c> (RFC 8594) header.</summary>
    public const string Deprecated = "deprecated";

    /// <summary>The SDK reads the answer and carries on: a new member or value.</summary>
    public const string Additive = "additive";

    /// <summary>
    /// The SDK reads the answer and carries on, though the server sent what the contract does not allow (a value
    /// of another type that converts without loss: a number where the contract has a string, <c>"60"</c> where it
    /// has 60), or said the operation is going.
    /// </summary>
    public const string Info = "info";

    /// <summary>The SDK cannot read the answer as documented: the call fails with <see cref="NexGenContractViolationException"/>.</summary>
    public const string Breaking = "breaking";
}
