using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Dentally.NexGen.Client.Testing.Hosting;

internal static class HttpContextExtensions
{
    /// <summary>The request's <see cref="SandboxExchange"/>, set by the request id rule.</summary>
    public static SandboxExchange Exchange(this HttpContext context) => context.Features.GetRequiredFeature<SandboxExchange>();
}
