namespace Dentally.NexGen.Client;

// The names of a search whose query the server ignores, in a file of their own: nexgen check links it
// (Dentally.NexGen.ContractCheck.csproj), so that the SDK and the check write them once.
internal static partial class IgnoredQuery
{
    /// <summary>The kind of the difference, in the SDK's drift report and exception and in <c>nexgen check</c>'s report.</summary>
    public const string Kind = "query-ignored";

    /// <summary>Where the difference is reported: the parameter, as <c>nexgen diff</c> names it.</summary>
    public const string Path = "parameter query query";
}
