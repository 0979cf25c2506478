namespace Dentally.NexGen.Client;

/// <summary>401 <c>unauthorized</c>: the bearer token is missing, malformed, expired or revoked.</summary>
public class NexGenUnauthorizedException : NexGenApiException
{
    internal NexGenUnauthorizedException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
    }

    /// <summary>A 401 whose message says what changed (the API's authentication), after its title, status and request id.</summary>
    internal NexGenUnauthorizedException(ApiErrorResponse response, string reason)
        : base(response, reason, innerException: null)
    {
    }
}
