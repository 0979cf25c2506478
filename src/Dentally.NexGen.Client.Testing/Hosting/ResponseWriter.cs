using System.Text;
using Dentally.NexGen.Client.Testing.Handlers;
using Microsoft.AspNetCore.Http;

namespace Dentally.NexGen.Client.Testing.Hosting;

/// <summary>Writes a <see cref="SandboxResponse"/> to the wire, with the request's <c>X-Request-Id</c>.</summary>
internal static class ResponseWriter
{
    public static async Task WriteAsync(HttpContext context, SandboxResponse answer, string requestId)
    {
        var response = context.Response;
        response.StatusCode = answer.StatusCode;
        response.Headers["X-Request-Id"] = requestId;
        foreach (var header in answer.Headers)
        {
            response.Headers[header.Key] = header.Value;
        }

        response.ContentType = answer.ContentType;
        var body = Encoding.UTF8.GetBytes(answer.Body ?? string.Empty);
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
