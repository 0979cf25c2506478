namespace Dentally.NexGen.Client;

/// <summary>400 <c>malformed-request</c>: the server could not read the request (for example a missing <c>X-Practice-Id</c>).</summary>
public class NexGenMalformedRequestException : NexGenApiException
{
    internal NexGenMalformedRequestException(ApiErrorResponse response, Exception? innerException = null)
        : base(response, innerException)
    {
    }
}
