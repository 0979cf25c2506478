namespace Dentally.NexGen.Client;

/// <summary>5xx: the server failed or is temporarily unavailable (<c>server-error</c>, or a proxy's error page).</summary>
public class NexGenServerException : NexGenApiException
{
    internal NexGenServerException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
    }
}
