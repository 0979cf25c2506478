namespace Dentally.NexGen.Client.Testing.Faults;

/// <summary>The injected faults, oldest first; each request is struck by at most one of them.</summary>
internal sealed class FaultRegistry
{
    private readonly object _gate = new();
    private readonly List<InjectedFault> _faults = [];

    public InjectedFault Add(string description, Func<ReceivedRequest, bool> matches, SandboxFault fault, int times)
    {
        var injected = new InjectedFault(description, matches, fault, times);
        lock (_gate)
        {
            _faults.RemoveAll(f => f.Remaining <= 0);
            _faults.Add(injected);
        }

        return injected;
    }

    public SandboxFault? TryStrike(ReceivedRequest request)
    {
        lock (_gate)
        {
            foreach (var fault in _faults)
            {
                if (fault.TryStrike(request))
                {
                    return fault.Fault;
                }
            }
        }

        return null;
    }

    public void Clear()
    {
        lock (_gate)
        {
            _faults.ForEach(f => f.Cancel());
            _faults.Clear();
        }
    }
}
