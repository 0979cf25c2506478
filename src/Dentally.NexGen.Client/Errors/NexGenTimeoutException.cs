namespace Dentally.NexGen.Client;

/// <summary>The call ran out of time: an attempt timeout with no retry left, or the overall timeout.</summary>
public sealed class NexGenTimeoutException : NexGenTransportException
{
    internal NexGenTimeoutException(ApiErrorResponse response, string reason, Exception innerException)
        : base(response, reason, innerException)
    {
    }
}
