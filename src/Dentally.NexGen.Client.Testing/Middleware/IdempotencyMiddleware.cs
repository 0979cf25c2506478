using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Hosting;
using Dentally.NexGen.Client.Testing.Idempotency;
using Microsoft.AspNetCore.Http;

namespace Dentally.NexGen.Client.Testing.Middleware;

/// <summary>
/// The <c>Idempotency-Key</c> of an operation that takes one: a key seen before replays its first
/// answer (or is refused as in use or mismatched); a new one is held in use until the operation has
/// answered, and its answer stored (<see cref="IdempotencyStore"/>).
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var exchange = SandboxExchange.Of(context);
        var request = exchange.Request;
        var key = request.Header(ContractLimits.IdempotencyKeyHeader);
        if (request.Operation is not { AcceptsIdempotencyKey: true } || key is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (key.Length == 0 || key.Length > ContractLimits.IdempotencyKeyMaxLength)
        {
            exchange.Answer = Problems.Malformed(request, $"The Idempotency-Key header must be 1 to {ContractLimits.IdempotencyKeyMaxLength} characters.");
            return;
        }

        var claim = store.Begin(request.Path, key, request.Body);
        exchange.Answer = claim.Outcome switch
        {
            IdempotencyOutcome.Replay => claim.Stored!.WithHeader("Idempotent-Replayed", "true"),
            IdempotencyOutcome.Mismatch => Problems.IdempotencyKeyMismatch(request),
            IdempotencyOutcome.InUse => Problems.IdempotencyKeyInUse(request),
            _ => null,
        };
        if (exchange.Answer is not null)
        {
            return;
        }

        // The key stays "in use" while the request is held, which is how a test provokes a 409 in-use.
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            store.Complete(claim, exchange.Answer);
        }
    }
}
