namespace Dentally.NexGen.Client.Testing.State;

/// <summary>Every request received, in arrival order; safe under concurrent requests.</summary>
internal sealed class RequestJournal
{
    private readonly object _gate = new();
    private readonly List<ReceivedRequest> _requests = [];

    public void Add(ReceivedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    public IReadOnlyList<ReceivedRequest> Snapshot()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }
}
