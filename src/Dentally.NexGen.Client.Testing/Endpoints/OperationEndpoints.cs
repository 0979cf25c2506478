using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Handlers;
using Dentally.NexGen.Client.Testing.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dentally.NexGen.Client.Testing.Endpoints;

/// <summary>One endpoint per operation of the contract, at the spec's method and path; a catch-all answers the rest.</summary>
internal static class OperationEndpoints
{
    public static void MapOperations(this IEndpointRouteBuilder endpoints, IEnumerable<ContractOperation> operations)
    {
        foreach (var operation in operations)
        {
            var handle = OperationHandlers.For(operation.Id);
            endpoints.MapMethods(operation.Template, [operation.Method], context => AnswerAsync(context, request => OperationHandlers.Execute(handle, request)))
                .WithMetadata(operation)
                .WithDisplayName(operation.ToString());
        }

        // Anything else (another path, or a method the path does not take) has passed every rule like an
        // operation, and gets a 404 problem, never the web server's bare 404 or 405.
        endpoints.Map("{**path}", context => AnswerAsync(context, NotFound));
    }

    private static async Task AnswerAsync(HttpContext context, Func<SandboxRequest, SandboxResponse> answer)
    {
        var exchange = SandboxExchange.Of(context);
        await exchange.HoldAsync().ConfigureAwait(false);

        // A path routed here whose literal segments differ in case is none of the contract's (see RequestReader).
        exchange.Answer = exchange.Request.Operation is null ? NotFound(exchange.Request) : answer(exchange.Request);
    }

    private static SandboxResponse NotFound(SandboxRequest request) => Problems.NotFound(request, $"No operation matches {request.Method} {request.Path}.");
}
