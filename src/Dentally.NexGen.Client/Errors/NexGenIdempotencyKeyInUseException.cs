namespace Dentally.NexGen.Client;

/// <summary>409 <c>idempotency-key-in-use</c>: a request with the same idempotency key is still running; retry the same request later.</summary>
public class NexGenIdempotencyKeyInUseException : NexGenConflictException
{
    internal NexGenIdempotencyKeyInUseException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
    }
}
