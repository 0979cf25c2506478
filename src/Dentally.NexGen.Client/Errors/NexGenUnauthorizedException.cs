namespace Dentally.NexGen.Client;

/// <summary>401 <c>unauthorized</c>: the bearer token is missing, malformed, expired or revoked.</summary>
public class NexGenUnauthorizedException : NexGenApiException
{
    internal NexGenUnauthorizedException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
    }
}
