namespace Dentally.NexGen.Client;

/// <summary>409: the request conflicts with the current state. Specific conflicts have their own subtypes.</summary>
public class NexGenConflictException : NexGenApiException
{
    internal NexGenConflictException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
    }
}
