namespace Dentally.NexGen.Client;

/// <summary>
/// The call did not get a usable answer: the connection failed or dropped, or a success response had
/// an empty or broken body — after every retry that was safe. <see cref="NexGenApiException.StatusCode"/>
/// is 0 when no response arrived. A POST without an idempotency key may have been processed: check
/// before sending it again.
/// </summary>
public class NexGenTransportException : NexGenApiException
{
    internal NexGenTransportException(ApiErrorResponse response, string reason, Exception innerException)
        : base(response, reason, innerException)
    {
    }
}
