using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// A success response whose body is not JSON (empty, cut off, or broken). It derives from
/// <see cref="HttpRequestException"/> so the resilience pipeline treats it like any transport failure:
/// retried when sending again is safe, then reported as a <see cref="NexGenTransportException"/>.
/// </summary>
internal sealed class InvalidResponseBodyException : HttpRequestException
{
    public InvalidResponseBodyException(int statusCode, string? requestId, Exception? innerException)
        : base($"The HTTP {statusCode} response body is not valid JSON.", innerException)
    {
        ResponseStatusCode = statusCode;
        RequestId = requestId;
    }

    public int ResponseStatusCode { get; }

    public string? RequestId { get; }
}
