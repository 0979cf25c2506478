using Dentally.NexGen.Client.Testing.Hosting;
using Dentally.NexGen.Client.Testing.State;
using Microsoft.AspNetCore.Http;

namespace Dentally.NexGen.Client.Testing.Middleware;

/// <summary>Records every request, in arrival order, before any other rule can refuse it (<see cref="NexGenSandbox.ReceivedRequests"/>).</summary>
internal sealed class RequestJournalMiddleware(RequestDelegate next, RequestJournal journal)
{
    public Task InvokeAsync(HttpContext context)
    {
        journal.Add(SandboxExchange.Of(context).Request.Received);
        return next(context);
    }
}
