namespace Dentally.NexGen.Client;

/// <summary>404 <c>not-found</c>: no such resource in this organisation or practice.</summary>
public class NexGenNotFoundException : NexGenApiException
{
    internal NexGenNotFoundException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
    }
}
