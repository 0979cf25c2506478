using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// A response body that is too large, cut off, or (for a success) not JSON. It derives from
/// <see cref="HttpRequestException"/> so the retry treats it like any transport failure: retried
/// when sending again is safe, then reported as a <see cref="NexGenTransportException"/> carrying
/// the status and request id.
/// </summary>
internal sealed class InvalidResponseBodyException(HttpResponseMessage response, string problem, Exception? innerException = null)
    : HttpRequestException(problem + " (HTTP " + (int)response.StatusCode + ").", innerException)
{
    public int ResponseStatusCode { get; } = (int)response.StatusCode;

    public string? RequestId { get; } = ApiErrorResponse.ReadRequestId(response);

    /// <summary>What is wrong with the body, for the typed exception's message.</summary>
    public string Problem { get; } = problem;
}
