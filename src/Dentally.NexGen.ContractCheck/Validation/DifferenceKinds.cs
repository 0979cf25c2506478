namespace Dentally.NexGen.ContractCheck.Validation;

/// <summary>The kinds of difference a report names (its <c>kind</c> field).</summary>
internal static class DifferenceKinds
{
    public const string MissingRequiredMember = "missing-required-member";
    public const string UndocumentedMember = "undocumented-member";
    public const string NewEnumValue = "new-enum-value";
    public const string ValueOutsideEnum = "value-outside-enum";
    public const string TypeChanged = "type-changed";
    public const string FormatChanged = "format-changed";
    public const string ConstraintViolated = "constraint-violated";
    public const string UndocumentedStatus = "undocumented-status";
    public const string MediaTypeChanged = "media-type-changed";
    public const string BodyNotJson = "body-not-json";
    public const string ProblemTypeChanged = "problem-type-changed";
    public const string MissingRequestId = "missing-request-id";
    public const string OperationMissing = "operation-missing";
    public const string Redirected = "redirected";
    public const string SemanticBroken = "semantic-broken";
    public const string NotChecked = "not-checked";
    public const string Deprecated = "deprecated";

    /// <summary>A list answered with another page than asked: the server ignores <c>page</c>; the kind the SDK throws (its internal <c>WrongPage.Kind</c>).</summary>
    public const string WrongPage = "wrong-page";

    /// <summary>A patient search answered with patients the query cannot match: the server ignores <c>query</c>; the SDK's own kind.</summary>
    public const string QueryIgnored = Dentally.NexGen.Client.IgnoredQuery.Kind;
}
