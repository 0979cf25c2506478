namespace Dentally.NexGen.Client.Testing;

/// <summary>What an injected fault does to a request.</summary>
public enum SandboxFaultKind
{
    /// <summary>Answers with a status code and a problem body (optionally with <c>Retry-After</c>).</summary>
    Status,

    /// <summary>Holds the request for a while, then handles it normally.</summary>
    Delay,

    /// <summary>Closes the connection without an HTTP response.</summary>
    DropConnection,

    /// <summary>Handles the request, then sends only the first half of the response body: a truncated body (invalid JSON).</summary>
    MalformedBody,

    /// <summary>Handles the request, then sends its status and headers with an empty body.</summary>
    EmptyBody,

    /// <summary>Handles the request, then sends the whole response body with one syntax error in it (invalid JSON).</summary>
    InvalidJson,
}
