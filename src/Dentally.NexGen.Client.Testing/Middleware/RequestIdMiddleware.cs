using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Hosting;
using Dentally.NexGen.Client.Testing.State;
using Microsoft.AspNetCore.Http;

namespace Dentally.NexGen.Client.Testing.Middleware;

/// <summary>
/// The outermost rule: every request gets an id (<c>X-Request-Id</c> on its answer, <c>request_id</c> in a
/// problem) and an answer the contract allows — a crash in the sandbox is a 500 problem, never a stack
/// trace. A stopped sandbox answers nothing: its requests are dropped.
/// </summary>
internal sealed class RequestIdMiddleware(RequestDelegate next, NexGenSandboxOptions options, TenantRegistry tenants, SandboxLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (lifetime.IsClosed)
        {
            context.Abort();
            return;
        }

        var token = BearerToken.From(context.Request.Headers.Authorization.FirstOrDefault());
        var request = await RequestReader.ReadAsync(context, RequestIds.Next(), options.TimeProvider.GetUtcNow(), token is null ? null : tenants.FindByToken(token)).ConfigureAwait(false);
        var exchange = new SandboxExchange(context, request, options.TimeProvider, lifetime.Closing);
        context.Features.Set(exchange);
        try
        {
            await next(context).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A bug in a handler must still answer with a problem body and X-Request-Id.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            // A request failing because the sandbox stopped (a hold cut short) ends as a dropped connection.
            if (lifetime.IsClosed)
            {
                exchange.Drop();
            }
            else
            {
                exchange.Answer = Problems.ServerError(request, $"The sandbox failed: {exception.GetType().Name}: {exception.Message}");
            }
        }

        if (!exchange.IsDropped)
        {
            context.Response.Headers["X-Request-Id"] = request.RequestId;
            await (exchange.Answer ?? Problems.ServerError(request, "The sandbox computed no answer.")).ExecuteAsync(context).ConfigureAwait(false);
        }
    }
}
