using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>Buffers a response body so it can be read more than once (checked or inspected, then read by the generated code).</summary>
internal static class ResponseBuffer
{
    /// <summary>Reads the whole body into the content's buffer; a body that stalls is stopped by the token (a timeout or the caller).</summary>
    public static Task LoadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
#if NET9_0_OR_GREATER
        // No asynchronous layer of our own: this runs for every success body.
        return response.Content.LoadIntoBufferAsync(cancellationToken);
#else
        return LoadCancellableAsync(response, cancellationToken);
#endif
    }

#if !NET9_0_OR_GREATER
    private static async Task LoadCancellableAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Before .NET 9 buffering takes no token: cancelling disposes the response, which ends the read.
        using (cancellationToken.Register(static state => ((HttpResponseMessage)state!).Dispose(), response))
        {
            try
            {
                await response.Content.LoadIntoBufferAsync().ConfigureAwait(false);
            }
            catch (Exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException(cancellationToken);
            }
        }
    }
#endif
}
