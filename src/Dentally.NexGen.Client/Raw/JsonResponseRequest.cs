using System.Net.Http;
using Dentally.NexGen.Client.Serialization;

namespace Dentally.NexGen.Client;

/// <summary>
/// A request whose documented success response is a JSON <typeparamref name="T"/>: the generated
/// clients (CodeGeneration/Client.Class.liquid) send one for each such operation, so that the SDK's
/// handler can read the body as <typeparamref name="T"/> inside the attempt.
/// </summary>
/// <remarks>
/// Reading it there is also the check that the body is complete JSON, which must happen inside the
/// attempt so that a broken body can be retried: checking it first and reading it afterwards took two
/// passes over every body, and on a page of patients the check was most of what the SDK cost over a
/// hand-written call (docs/performance.md).
/// </remarks>
/// <typeparam name="T">The documented success body.</typeparam>
internal sealed class JsonResponseRequest<T> : HttpRequestMessage, IJsonResponseRequest
{
    /// <param name="successStatus">The status whose body is a <typeparamref name="T"/>.</param>
    public JsonResponseRequest(int successStatus)
    {
        SuccessStatus = successStatus;
    }

    public int SuccessStatus { get; }

#if NET5_0_OR_GREATER
    public bool TryRead(ReadOnlySpan<byte> utf8, out object? value)
    {
        var read = NexGenJsonSettings.TryDeserializeWhole<T>(utf8, out var body);
        value = body;
        return read;
    }
#endif
}
