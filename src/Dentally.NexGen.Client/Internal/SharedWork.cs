namespace Dentally.NexGen.Client;

/// <summary>
/// Work that several callers wait on, such as the appointment-type fetch every concurrent booking of an
/// organisation needs. A caller's token ends only that caller's wait: the work runs on for the others,
/// under a token of its own, and is cancelled only when every caller waiting on it has gone. It starts
/// on the first <see cref="TryJoin"/>, never in the constructor, so a cache may build instances it
/// then throws away.
/// </summary>
// CA1001: a CancellationTokenSource without a timer holds nothing to release, and disposing it when the
// work ends would race with the last waiter's cancel.
#pragma warning disable CA1001
internal sealed class SharedWork<T>
#pragma warning restore CA1001
{
    private readonly object _gate = new();
    private readonly Func<CancellationToken, Task<T>> _work;
    private readonly CancellationTokenSource _abandon = new();
    private int _waiters;
    private bool _abandoned;

    public SharedWork(Func<CancellationToken, Task<T>> work) => _work = work;

    /// <summary>The work, once started.</summary>
    public Task<T>? Work { get; private set; }

    /// <summary>Registers a waiter and starts the work if nobody has; <see langword="false"/> once every waiter has gone and the work was cancelled: start another.</summary>
    public bool TryJoin()
    {
        lock (_gate)
        {
            if (_abandoned)
            {
                return false;
            }

            _waiters++;
            if (Work is null)
            {
                // The work runs in the context of the caller who started it (its trace and its request
                // count include the fetch), but under a token of its own.
                var token = _abandon.Token;
                Work = Task.Run(() => _work(token), CancellationToken.None);

                // Observed here, so that a failure nobody waits for any more is not an unobserved exception.
                _ = Work.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }

            return true;
        }
    }

    /// <summary>Waits for the work (after <see cref="TryJoin"/>); <paramref name="cancellationToken"/> ends this wait only.</summary>
    public async Task<T> WaitAsync(CancellationToken cancellationToken)
    {
        var work = Work!;
        try
        {
            return await CancellableWait.WaitAsync(work, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Leave(work);
        }
    }

    private void Leave(Task<T> work)
    {
        lock (_gate)
        {
            if (--_waiters > 0 || work.IsCompleted)
            {
                return;
            }

            _abandoned = true;
        }

        _abandon.Cancel();
    }
}
