namespace Dentally.NexGen.Client;

/// <summary>403 <c>forbidden</c>: the token may not see this organisation or practice.</summary>
public class NexGenForbiddenException : NexGenApiException
{
    internal NexGenForbiddenException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
    }
}
