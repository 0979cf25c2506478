namespace Dentally.NexGen.Client;

/// <summary>
/// Spots a base address that already holds the start of the contract's own paths (<c>/api/v1/{org_id}/…</c>
/// and <c>/v2/sites…</c>), an easy copy from a curl line of the guide. Every call adds those paths itself,
/// so such an address doubles them (<c>/api/v1/api/v1/…</c>) and the server's answer — a 403 for an
/// organisation named <c>v1</c>, or a 404 — points nowhere near the cause. A gateway's own prefix
/// (<c>https://gateway/nexgen/</c>) is not the contract's and stays allowed: paths resolve below it.
/// </summary>
internal static class ContractPathInBaseAddress
{
    private static readonly char[] Slash = ['/'];

    /// <summary>The address to use instead of <paramref name="baseAddress"/>, or <see langword="null"/> when its path holds no contract prefix.</summary>
    /// <param name="baseAddress">An absolute URI.</param>
    public static string? SuggestInstead(Uri baseAddress)
    {
        var segments = baseAddress.AbsolutePath.Split(Slash, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (StartsContractPath(segments, i))
            {
                // Scheme, host and port only (never user info), then whatever prefix came before the contract's.
                var root = baseAddress.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);
                return root + "/" + string.Concat(segments.Take(i).Select(segment => segment + "/"));
            }
        }

        return null;
    }

    /// <summary>The address as shown in a message: scheme, host, port and path, never user info.</summary>
    public static string Shown(Uri baseAddress)
        => baseAddress.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);

    // /api/v1 followed by anything (an organisation, an area), or /v2 alone or followed by /sites.
    private static bool StartsContractPath(string[] segments, int i)
        => (Is(segments[i], "api") && i + 1 < segments.Length && Is(segments[i + 1], "v1"))
           || (Is(segments[i], "v2") && (i + 1 == segments.Length || Is(segments[i + 1], "sites")));

    private static bool Is(string segment, string expected) => string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);
}
