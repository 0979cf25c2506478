using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// The <see cref="NexGenScope"/> a request was made for, set by the generated client that built it and
/// read by the handlers that need its tenant (authentication, telemetry).
/// </summary>
internal static class RequestScope
{
    private const string Key = "Dentally.NexGen.Client.Scope";

#pragma warning disable CS0618 // Properties is the one per-request bag on every target framework (Options is .NET 5+).
    public static void Set(HttpRequestMessage request, NexGenScope scope) => request.Properties[Key] = scope;

    public static NexGenScope? Get(HttpRequestMessage request)
        => request.Properties.TryGetValue(Key, out var scope) ? scope as NexGenScope : null;
#pragma warning restore CS0618
}
