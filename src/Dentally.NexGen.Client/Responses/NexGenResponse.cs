namespace Dentally.NexGen.Client;

/// <summary>
/// A call's value with what the response said about it: the status code, the request id support asks
/// for (<c>X-Request-Id</c>) and whether the server replayed the stored answer to an earlier request
/// with the same <c>Idempotency-Key</c> (<c>Idempotent-Replayed: true</c>). Returned by the
/// <c>…WithResponseAsync</c> twin of every area method; buildable by a test.
/// </summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed class NexGenResponse<T>
{
    /// <summary>Creates a response.</summary>
    /// <param name="value">The value.</param>
    /// <param name="statusCode">The HTTP status of the answer the value came from.</param>
    /// <param name="requestId">Its <c>X-Request-Id</c>, when sent.</param>
    /// <param name="replayed">Whether the server replayed an idempotent answer.</param>
    public NexGenResponse(T value, int statusCode, string? requestId, bool replayed)
    {
        Value = value;
        StatusCode = statusCode;
        RequestId = requestId;
        Replayed = replayed;
    }

    /// <summary>The value.</summary>
    public T Value { get; }

    /// <summary>The HTTP status of the answer the value came from (after any retries: the last one).</summary>
    public int StatusCode { get; }

    /// <summary>The request id from <c>X-Request-Id</c>: quote it to support.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// Whether the server answered with the stored response to an earlier request with the same
    /// idempotency key (<c>Idempotent-Replayed: true</c>) rather than processing this one. The contract
    /// does not require that header (the sandbox sends it): a server that replays without it gives <see langword="false"/>.
    /// </summary>
    public bool Replayed { get; }

    /// <summary>Status and request id; never the value, which may hold patient data.</summary>
    /// <returns>A line for logs.</returns>
    public override string ToString()
        => $"HTTP {StatusCode} (request id {RequestId ?? "none"}{(Replayed ? ", replayed" : string.Empty)})";
}
