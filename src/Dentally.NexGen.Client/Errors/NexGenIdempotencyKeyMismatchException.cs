namespace Dentally.NexGen.Client;

/// <summary>422 <c>idempotency-key-mismatch</c>: the idempotency key was already used with a different request body.</summary>
public class NexGenIdempotencyKeyMismatchException : NexGenApiException
{
    internal NexGenIdempotencyKeyMismatchException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
    }
}
