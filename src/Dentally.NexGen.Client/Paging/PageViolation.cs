using System.Net;

namespace Dentally.NexGen.Client;

/// <summary>The exception of a page envelope a walk cannot go on from (<see cref="WrongPage"/>, <see cref="WrongTotal"/>).</summary>
internal static class PageViolation
{
    // A success the SDK read in full: the envelope is well formed, only what it says of the list is wrong.
    public static NexGenContractViolationException Of(string operation, string path, string kind)
        => new(ApiErrorResponse.FromGenerated((int)HttpStatusCode.OK, headers: null), operation, path, kind);
}
