namespace Dentally.NexGen.Tool.Tests.Support;

/// <summary>A server that accepts every request and never answers: the request waits until it is cancelled.</summary>
internal sealed class StalledHandler : HttpMessageHandler
{
    /// <summary>Completes when the first request arrives.</summary>
    public TaskCompletionSource Received { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Received.TrySetResult();
        await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        throw new InvalidOperationException("Unreachable: the delay ends only by cancellation.");
    }
}
