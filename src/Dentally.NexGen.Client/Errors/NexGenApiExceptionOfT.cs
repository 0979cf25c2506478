namespace Dentally.NexGen.Client;

/// <summary>
/// Required by the generated code's error branches. Never thrown in practice:
/// <see cref="NexGenClientBase"/> turns every non-success response into a typed exception first.
/// </summary>
internal sealed class NexGenApiException<TResult> : NexGenApiException
{
    public NexGenApiException(string message, int statusCode, string? response, IReadOnlyDictionary<string, IEnumerable<string>> headers, TResult result, Exception? innerException)
        : base(message, statusCode, response, headers, innerException)
    {
        Result = result;
    }

    public TResult Result { get; }
}
