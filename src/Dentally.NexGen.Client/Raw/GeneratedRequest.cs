using System.Net.Http;
using System.Text;

namespace Dentally.NexGen.Client;

/// <summary>
/// What the generated clients (CodeGeneration/Client.Class.liquid) share to build a request without
/// garbage: one <see cref="HttpMethod"/> per verb, and a URL builder reused per thread.
/// </summary>
/// <remarks>
/// NSwag's own template allocated a new <see cref="HttpMethod"/> and a new, growing
/// <see cref="StringBuilder"/> for every request (docs/performance.md).
/// </remarks>
internal static class GeneratedRequest
{
    public static readonly HttpMethod Get = HttpMethod.Get;
    public static readonly HttpMethod Post = HttpMethod.Post;
    public static readonly HttpMethod Put = HttpMethod.Put;
    public static readonly HttpMethod Delete = HttpMethod.Delete;
    public static readonly HttpMethod Head = HttpMethod.Head;
    public static readonly HttpMethod Options = HttpMethod.Options;
#if NETSTANDARD2_0
    public static readonly HttpMethod Patch = new("PATCH");
#else
    public static readonly HttpMethod Patch = HttpMethod.Patch;
#endif

    private const int MaxCachedCapacity = 1024;

    [ThreadStatic]
    private static StringBuilder? t_cachedUrl;

    /// <summary>An empty builder: this thread's cached one when it has one (taken out of the cache, so an await before <see cref="ToUrl"/> is safe).</summary>
    public static StringBuilder RentUrlBuilder()
    {
        var builder = t_cachedUrl ?? new StringBuilder(256);
        t_cachedUrl = null;
        return builder.Clear();
    }

    /// <summary>The URL built, with the builder given back to this thread's cache.</summary>
    public static string ToUrl(StringBuilder builder)
    {
        var url = builder.ToString();
        if (builder.Capacity <= MaxCachedCapacity)
        {
            t_cachedUrl = builder;
        }

        return url;
    }
}
