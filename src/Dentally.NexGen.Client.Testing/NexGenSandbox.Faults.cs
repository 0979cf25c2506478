using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Faults;

namespace Dentally.NexGen.Client.Testing;

// Test hooks for the wire: injected faults and the journal of received requests.
public sealed partial class NexGenSandbox
{
    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<ReceivedRequest> ReceivedRequests => _journal.Snapshot();

    /// <summary>
    /// Makes the next <paramref name="times"/> requests that match <paramref name="method"/> and
    /// <paramref name="pathTemplate"/> fail as <paramref name="fault"/> describes. Faults are tried
    /// oldest first; a request is struck by at most one.
    /// </summary>
    /// <param name="method">The HTTP method (<c>GET</c>, <c>POST</c>…), or <c>*</c> for any.</param>
    /// <param name="pathTemplate">The path: literal, with <c>{name}</c> for one segment (e.g. <c>/api/v1/{org_id}/appointments</c>, every organisation's) and <c>*</c> for anything; an organisation's id in place of <c>{org_id}</c> strikes only its requests.</param>
    /// <param name="fault">What happens.</param>
    /// <param name="times">How many matching requests it strikes (default 1).</param>
    /// <returns>A handle showing how often it struck; cancel it to stop it early.</returns>
    /// <exception cref="ArgumentException">No operation of the contract has that method and a path the template matches; the message names the operations it could have meant.</exception>
    public InjectedFault InjectFault(string method, string pathTemplate, SandboxFault fault, int times = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(pathTemplate);
        FaultTargetCheck.ThrowIfMatchesNothing(method, pathTemplate, SandboxContract.Instance.Operations, nameof(pathTemplate));
        var path = FaultPath.Compile(pathTemplate);
        var anyMethod = method == "*";
        return InjectFault(
            $"{method.ToUpperInvariant()} {pathTemplate}",
            r => (anyMethod || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)) && path.IsMatch(r.Path),
            fault,
            times);
    }

    /// <summary>Makes the next <paramref name="times"/> requests for which <paramref name="predicate"/> is true fail as <paramref name="fault"/> describes.</summary>
    /// <param name="predicate">Chooses the requests; called concurrently, so it must be thread-safe.</param>
    /// <param name="fault">What happens.</param>
    /// <param name="times">How many matching requests it strikes (default 1).</param>
    /// <returns>A handle showing how often it struck; cancel it to stop it early.</returns>
    public InjectedFault InjectFaultWhere(Func<ReceivedRequest, bool> predicate, SandboxFault fault, int times = 1)
        => InjectFault("requests matching a predicate", predicate, fault, times);

    /// <summary>Cancels every injected fault.</summary>
    public void ClearFaults() => _faults.Clear();

    /// <summary>Forgets the received requests.</summary>
    public void ClearReceivedRequests() => _journal.Clear();

    private InjectedFault InjectFault(string description, Func<ReceivedRequest, bool> predicate, SandboxFault fault, int times)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        return _faults.Add(description, predicate, fault, times);
    }
}
