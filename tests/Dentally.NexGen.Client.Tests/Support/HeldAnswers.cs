namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>
/// Answers to matching requests, held back on their way to the client until the test releases them:
/// the requests have reached the server, and the test decides when they are answered. It stands in for
/// a slow server without a timer, so "these requests overlap" holds however slow the machine is.
/// </summary>
internal sealed class HeldAnswers(Func<HttpRequestMessage, bool> matches, int limit)
{
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    /// <summary>How many answers it has held so far (released ones included).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Lets every held answer, and every later one, through.</summary>
    public void Release() => _released.TrySetResult();

    /// <summary>Waits until it holds <paramref name="count"/> answers.</summary>
    public Task WhenHoldingAsync(int count) => Waiting.UntilAsync(() => Count >= count, $"{count} held answer(s)");

    /// <summary>Holds the answer to <paramref name="request"/> if it matches and the limit allows.</summary>
    public async Task<bool> TryHoldAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (_released.Task.IsCompleted || !matches(request))
        {
            return false;
        }

        if (Interlocked.Increment(ref _count) > limit)
        {
            Interlocked.Decrement(ref _count);
            return false;
        }

        await _released.Task.WaitAsync(cancellationToken);
        return true;
    }
}
