using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// The tenant a request is for, set by the generated client that built it and read by the handlers
/// that need it (authentication, telemetry). It is what the request itself names: the <c>{org_id}</c>
/// of an <c>/api/v1</c> path and the <c>X-Practice-Id</c> header, so a raw call with explicit ids is
/// authenticated for those; where the request names none (<c>/v2/sites</c> has no organisation), the
/// scope of the client that made it fills in.
/// </summary>
internal static class RequestScope
{
    private const string Key = "Dentally.NexGen.Client.Scope";
    private const string PracticeHeader = "X-Practice-Id";
    private const string OrganisationPaths = "api/v1/";
    private static readonly char[] SegmentEnds = ['/', '?', '#'];

#pragma warning disable CS0618 // Properties is the one per-request bag on every target framework (Options is .NET 5+).
    public static void Set(HttpRequestMessage request, NexGenScope scope) => request.Properties[Key] = scope;

    public static NexGenScope? Get(HttpRequestMessage request)
        => request.Properties.TryGetValue(Key, out var scope) ? scope as NexGenScope : null;
#pragma warning restore CS0618

    /// <summary>The tenant <paramref name="request"/> names, <paramref name="client"/>'s scope where it names none.</summary>
    public static NexGenScope Of(HttpRequestMessage request, Uri? baseAddress, NexGenScope client)
    {
        var organization = OrganizationOf(request.RequestUri, baseAddress, client.OrganizationIdOrNull) ?? client.OrganizationIdOrNull;
        var practice = PracticeOf(request) ?? client.PracticeIdOrNull;
        var same = string.Equals(organization, client.OrganizationIdOrNull, StringComparison.Ordinal)
            && string.Equals(practice, client.PracticeIdOrNull, StringComparison.Ordinal);
        return same || organization is null || practice is null ? client : client.ForPractice(organization, practice);
    }

    /// <summary>The <c>X-Practice-Id</c> value, read without a copy where the runtime allows: every request passes here.</summary>
    private static string? PracticeOf(HttpRequestMessage request)
    {
#if NET6_0_OR_GREATER
        return request.Headers.NonValidated.TryGetValues(PracticeHeader, out var values) ? values.ToString() : null;
#else
        return request.Headers.TryGetValues(PracticeHeader, out var values) ? string.Join(", ", values) : null;
#endif
    }

    private static string? OrganizationOf(Uri? requestUri, Uri? baseAddress, string? expected)
    {
        if (requestUri is null)
        {
            return null;
        }

        // The generated clients send paths relative to the normalised base address; a caller's own
        // HttpClient without one gets absolute URIs.
        var (path, prefix) = requestUri.IsAbsoluteUri
            ? (requestUri.AbsolutePath, baseAddress is null ? null : BaseAddress.Normalize(baseAddress).AbsolutePath + OrganisationPaths)
            : (requestUri.OriginalString, OrganisationPaths);
        if (prefix is null || !path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = path.IndexOfAny(SegmentEnds, prefix.Length);
        var length = (end < 0 ? path.Length : end) - prefix.Length;
        if (expected is not null && expected.Length == length && string.CompareOrdinal(path, prefix.Length, expected, 0, length) == 0)
        {
            // The usual case, a call through an area: the scope's own organisation, without a copy.
            return expected;
        }

#pragma warning disable CA1846 // The span overload of UnescapeDataString is .NET 9+; one line serves every build.
        return length == 0 ? null : Uri.UnescapeDataString(path.Substring(prefix.Length, length));
#pragma warning restore CA1846
    }
}
