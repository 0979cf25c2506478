using Dentally.NexGen.Client.Testing.Hosting;
using Dentally.NexGen.Client.Testing.State;
using Microsoft.AspNetCore.Http;

namespace Dentally.NexGen.Client.Testing.Middleware;

/// <summary>
/// Bearer authentication and tenant scoping, before any operation (<see cref="AccessPolicy"/>): a
/// request the token may not make is refused; one it may is served from its tenant's organisation.
/// </summary>
internal sealed class AuthenticationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var exchange = SandboxExchange.Of(context);
        if (AccessPolicy.Refusal(exchange.Request) is not { } refusal)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await exchange.HoldAsync().ConfigureAwait(false);
        exchange.Answer = refusal;
    }
}
