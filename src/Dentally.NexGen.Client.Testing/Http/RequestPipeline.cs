using Dentally.NexGen.Client.Testing.Faults;
using Dentally.NexGen.Client.Testing.Idempotency;
using Dentally.NexGen.Client.Testing.Routing;
using Dentally.NexGen.Client.Testing.State;
using WireMock;

namespace Dentally.NexGen.Client.Testing.Http;

/// <summary>
/// What every request goes through, in order: journal → injected fault (before) → authentication and
/// scoping (which picks the tenant, and so the organisation's data) → idempotency key → the operation,
/// under that organisation's lock → injected fault (after commit).
/// </summary>
internal sealed class RequestPipeline : IDisposable
{
    private const int MaxIdempotencyKeyLength = 255;

    private readonly NexGenSandboxOptions _options;
    private readonly TenantRegistry _tenants;
    private readonly IdempotencyStore _idempotency;
    private readonly FaultRegistry _faults;
    private readonly RequestJournal _journal;
    private readonly ConnectionControl _connection;
    private readonly CancellationTokenSource _closing = new();
    private volatile bool _closed;

    public RequestPipeline(NexGenSandboxOptions options, TenantRegistry tenants, IdempotencyStore idempotency, FaultRegistry faults, RequestJournal journal, ConnectionControl connection)
    {
        _options = options;
        _tenants = tenants;
        _idempotency = idempotency;
        _faults = faults;
        _journal = journal;
        _connection = connection;
    }

    /// <summary>
    /// Refuses every further request by dropping its connection. WireMock's Stop can return while
    /// Kestrel is still draining (and serving) kept-alive connections; a disposed sandbox must not answer.
    /// </summary>
    public void Close()
    {
        _closed = true;

        // Held requests (delay faults) end now rather than keeping the server's shutdown waiting.
        _closing.Cancel();
    }

    /// <summary>
    /// Called after <see cref="Close"/> and the server's stop. A request still racing through then fails
    /// on the disposed token, and like every failure after closing it ends as a dropped connection.
    /// </summary>
    public void Dispose() => _closing.Dispose();

    public async Task<IResponseMessage> HandleAsync(IRequestMessage message, Route? route)
    {
        var request = SandboxRequest.From(message, route, RequestIds.Next(), _options.TimeProvider.GetUtcNow(), _tenants.FindByToken);
        if (_closed)
        {
            return Drop(request);
        }

        _journal.Add(request.Received);
        try
        {
            var fault = _faults.TryStrike(request.Received);
            if (fault is { IsAfterCommit: false, Kind: SandboxFaultKind.Status })
            {
                return ResponseMessages.From(Problems.ForFault(request, fault), request.RequestId);
            }

            if (fault is { IsAfterCommit: false, Kind: SandboxFaultKind.DropConnection })
            {
                return Drop(request);
            }

            var holdBefore = fault is { IsAfterCommit: false, Kind: SandboxFaultKind.Delay } ? fault.DelayDuration : TimeSpan.Zero;
            var response = await ProcessAsync(request, route, holdBefore).ConfigureAwait(false);
            return await AfterCommitAsync(request, response, fault).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A bug in a handler must still answer with a problem body and X-Request-Id.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            if (_closed)
            {
                return Drop(request);
            }

            return ResponseMessages.From(Problems.ServerError(request, $"The sandbox failed: {exception.GetType().Name}: {exception.Message}"), request.RequestId);
        }
    }

    private async Task<SandboxResponse> ProcessAsync(SandboxRequest request, Route? route, TimeSpan hold)
    {
        var refusal = AccessPolicy.Check(request);
        if (refusal is not null || route is null)
        {
            await HoldAsync(hold).ConfigureAwait(false);
            return refusal ?? Problems.NotFound(request, $"No operation matches {request.Method} {request.Path}.");
        }

        var key = request.Header("Idempotency-Key");
        if (!route.AcceptsIdempotencyKey || key is null)
        {
            await HoldAsync(hold).ConfigureAwait(false);
            return Execute(route, request);
        }

        if (key.Length is 0 or > MaxIdempotencyKeyLength)
        {
            return Problems.Malformed(request, $"The Idempotency-Key header must be 1 to {MaxIdempotencyKeyLength} characters.");
        }

        var claim = _idempotency.Begin(request.Path, key, request.Body);
        switch (claim.Outcome)
        {
            case IdempotencyOutcome.Replay:
                return claim.Stored!.WithHeader("Idempotent-Replayed", "true");
            case IdempotencyOutcome.Mismatch:
                return Problems.IdempotencyKeyMismatch(request);
            case IdempotencyOutcome.InUse:
                return Problems.IdempotencyKeyInUse(request);
        }

        // The key stays "in use" while the request is held, which is how a test provokes a 409 in-use.
        SandboxResponse? response = null;
        try
        {
            await HoldAsync(hold).ConfigureAwait(false);
            response = Execute(route, request);
            return response;
        }
        finally
        {
            _idempotency.Complete(claim, response);
        }
    }

    private static SandboxResponse Execute(Route route, SandboxRequest request)
    {
        // Admitted, so the token named a tenant. One lock for all of its organisation's data: concurrent
        // bookings of one slot are decided one at a time; other organisations are not held up.
        var organisation = request.Received.Tenant!.State;
        lock (organisation.Gate)
        {
            return route.Handle(organisation, request);
        }
    }

    private async Task<IResponseMessage> AfterCommitAsync(SandboxRequest request, SandboxResponse response, SandboxFault? fault)
    {
        switch (fault)
        {
            case { Kind: SandboxFaultKind.MalformedBody or SandboxFaultKind.EmptyBody or SandboxFaultKind.InvalidJson }:
                return ResponseMessages.From(response, request.RequestId, fault.Kind);
            case { IsAfterCommit: true, Kind: SandboxFaultKind.Status }:
                return ResponseMessages.From(Problems.ForFault(request, fault), request.RequestId);
            case { IsAfterCommit: true, Kind: SandboxFaultKind.DropConnection }:
                return Drop(request);
            case { IsAfterCommit: true, Kind: SandboxFaultKind.Delay }:
                await HoldAsync(fault.DelayDuration).ConfigureAwait(false);
                break;
        }

        return ResponseMessages.From(response, request.RequestId);
    }

    private IResponseMessage Drop(SandboxRequest request)
    {
        if (!_connection.AbortCurrent())
        {
            throw new InvalidOperationException("The connection could not be dropped: no request context.");
        }

        return ResponseMessages.Dropped(request.RequestId);
    }

    // On the sandbox's clock, so that a test on a fake clock decides when a held request is answered.
    private Task HoldAsync(TimeSpan hold) => hold > TimeSpan.Zero ? Task.Delay(hold, _options.TimeProvider, _closing.Token) : Task.CompletedTask;
}
