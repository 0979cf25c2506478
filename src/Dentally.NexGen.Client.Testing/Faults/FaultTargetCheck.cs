using Dentally.NexGen.Client.Testing.Contract;

namespace Dentally.NexGen.Client.Testing.Faults;

/// <summary>
/// Refuses a method and path template that no operation of the contract could match, so a fault set
/// on a mistyped path (<c>/appointments</c> for <c>/api/v1/{org_id}/appointments</c>) fails the test
/// at once instead of silently never firing. The message names the operations it could have meant.
/// </summary>
internal static class FaultTargetCheck
{
    public static void ThrowIfMatchesNothing(string method, string pathTemplate, IReadOnlyList<ContractOperation> routes, string parameterName)
    {
        var anyMethod = method == "*";
        var pathMatches = routes.Where(r => PathCouldMatch(pathTemplate, r.Template)).ToList();
        if (pathMatches.Any(r => anyMethod || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var candidates = pathMatches.Count > 0 ? pathMatches : Closest(pathTemplate, routes);
        throw new ArgumentException(
            $"\"{method.ToUpperInvariant()} {pathTemplate}\" matches no operation of the contract, so it would never strike. Did you mean: "
                + string.Join("; ", candidates.Select(r => r.ToString())) + "? Paths are full templates such as /api/v1/{org_id}/appointments ({name} for one segment, * for anything).",
            parameterName);
    }

    /// <summary>Whether some request path could match both templates.</summary>
    private static bool PathCouldMatch(string template, string routeTemplate)
    {
        if (template.Contains('*', StringComparison.Ordinal))
        {
            // Wildcards: try the route with each placeholder as a plain segment value.
            var sample = string.Join("/", Segments(routeTemplate).Select(s => IsPlaceholder(s) ? "x" : s));
            return FaultPath.Compile(template).IsMatch("/" + sample);
        }

        var mine = Segments(template);
        var theirs = Segments(routeTemplate);
        return mine.Length == theirs.Length
            && mine.Zip(theirs).All(p => IsPlaceholder(p.First) || IsPlaceholder(p.Second) || string.Equals(p.First, p.Second, StringComparison.Ordinal));
    }

    /// <summary>The routes sharing the most literal segments with the template (its last one counting most), else all of them.</summary>
    private static List<ContractOperation> Closest(string template, IReadOnlyList<ContractOperation> routes)
    {
        var literals = Segments(template).Where(s => !IsPlaceholder(s) && !s.Contains('*', StringComparison.Ordinal)).ToList();
        var last = literals.LastOrDefault();
        var scored = routes
            .Select(r => (Route: r, Score: Segments(r.Template).Count(literals.Contains) + (last is not null && Segments(r.Template).LastOrDefault(s => !IsPlaceholder(s)) == last ? 10 : 0)))
            .ToList();
        var best = scored.Max(s => s.Score);
        return best == 0 ? routes.ToList() : scored.Where(s => s.Score == best).Select(s => s.Route).ToList();
    }

    private static string[] Segments(string template)
        => template.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);

    private static bool IsPlaceholder(string segment)
        => segment.Length >= 2 && segment[0] == '{' && segment[^1] == '}';
}
