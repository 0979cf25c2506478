namespace Dentally.NexGen.Independent;

/// <summary>Holds requests on the server until released: a keyed create held this way keeps its key in use.</summary>
internal sealed class IndependentHold : IDisposable
{
    private readonly ManualResetEventSlim _released = new();
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a request is held.</summary>
    public Task Reached => _reached.Task;

    public void Wait()
    {
        _reached.TrySetResult();
        _released.Wait(TimeSpan.FromMinutes(1));
    }

    public void Release() => _released.Set();

    public void Dispose()
    {
        _released.Set();
        _released.Dispose();
    }
}
