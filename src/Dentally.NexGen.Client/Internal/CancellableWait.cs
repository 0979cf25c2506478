namespace Dentally.NexGen.Client;

/// <summary>
/// Waits for a task that the SDK does not control (a caller's token provider, work shared with other
/// callers) for as long as a token allows: the token ends the wait even when the task ignores it, so a
/// provider that never looks at its token cannot hold a call past its timeouts or its caller's
/// cancellation. The task itself runs on; a failure nobody waits for any more is observed here.
/// </summary>
internal static class CancellableWait
{
    public static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
    {
        if (task.IsCompleted || !cancellationToken.CanBeCanceled)
        {
            return await task.ConfigureAwait(false);
        }

        var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
        {
            if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
            {
                // Observed, so that a failure nobody waits for any more is not an unobserved exception.
                _ = task.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw new OperationCanceledException(cancellationToken);
            }
        }

        return await task.ConfigureAwait(false);
    }

    /// <inheritdoc cref="WaitAsync{T}(Task{T}, CancellationToken)"/>
    public static ValueTask<T> WaitAsync<T>(ValueTask<T> pending, CancellationToken cancellationToken)
        => pending.IsCompleted ? pending : new ValueTask<T>(WaitAsync(pending.AsTask(), cancellationToken));
}
