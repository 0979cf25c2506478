namespace Dentally.NexGen.Client;

/// <summary>429 <c>rate-limited</c>: too many requests; wait <see cref="NexGenApiException.RetryAfter"/>.</summary>
public class NexGenRateLimitedException : NexGenApiException
{
    internal NexGenRateLimitedException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
    }
}
