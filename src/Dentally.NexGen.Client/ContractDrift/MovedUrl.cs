using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// Says where a redirect points, for the exception of a 3xx: the contract has none, so the API moved the
/// operation (to <c>/v3/…</c>, or the whole API to another host) and the SDK, which follows no redirect (it would
/// carry the token elsewhere), fails. Without it the message was a bare "PermanentRedirect". The address is
/// given without its query, which may hold a search's text (a name).
/// </summary>
internal static class MovedUrl
{
    /// <summary>The reason of a redirect's exception, naming where it points.</summary>
    public static string Describe(HttpResponseMessage response)
    {
        var location = response.Headers.Location;
        if (location is not null && !location.IsAbsoluteUri && response.RequestMessage?.RequestUri is { IsAbsoluteUri: true } requested)
        {
            location = new Uri(requested, location);
        }

        // Scheme, host and path only: no user info, no query.
        // Bounded: a hostile Location must not flood the message.
        var target = location is { IsAbsoluteUri: true } ? ProblemSummary.OneLine(location.Scheme + "://" + location.Authority + location.AbsolutePath, 256) : null;
        return target is null
            ? "The API answered with a redirect and no Location: the operation moved, and the SDK follows no redirect"
            : "The API moved the operation to " + target + ": it answered with a redirect, which the SDK does not follow; if the API's base address moved, set NexGenClientOptions.BaseAddress to the new one, else look for an SDK update";
    }
}
