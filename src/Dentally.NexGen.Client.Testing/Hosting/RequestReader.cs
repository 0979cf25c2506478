using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Handlers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dentally.NexGen.Client.Testing.Hosting;

/// <summary>Reads an ASP.NET Core request (routed, with its query parsed by ASP.NET Core) into the request the handlers and the journal see.</summary>
internal static class RequestReader
{
    public static async Task<SandboxRequest> ReadAsync(HttpContext context, string requestId, DateTimeOffset receivedAt, NexGenSandboxTenant? tenant)
    {
        var http = context.Request;
        using var reader = new StreamReader(http.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var received = new ReceivedRequest(
            http.Method.ToUpperInvariant(),
            http.Path.Value is { Length: > 0 } path ? path : "/",
            http.QueryString.Value?.TrimStart('?') ?? string.Empty,
            http.Query.ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? string.Empty, StringComparer.Ordinal),
            http.Headers.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.Select(v => v ?? string.Empty).ToArray(), StringComparer.OrdinalIgnoreCase),
            body.Length == 0 ? null : body,
            requestId,
            receivedAt,
            tenant);
        var routeValues = context.GetRouteData().Values.ToDictionary(v => v.Key, v => Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, StringComparer.Ordinal);
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<ContractOperation>();
        return new SandboxRequest(received, routeValues, operation?.HasLiteralsOf(received.Path) == true ? operation : null);
    }
}
