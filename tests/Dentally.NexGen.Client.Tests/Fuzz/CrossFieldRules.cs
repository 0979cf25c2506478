using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Tests.Fuzz;

/// <summary>
/// The contract's own rules that a request can break while every value in it is valid on its own:
/// the only reasons the sandbox may refuse a valid request. Each is named, so a refusal the test
/// accepts is one a reader can check against CONTRACT.md.
/// </summary>
internal static class CrossFieldRules
{
    private static readonly (string Name, Func<FuzzRequest, int, JObject?, bool> Applies)[] Rules =
    [
        ("a provider is booked once at a time (409 slot-conflict)", (_, status, problem) => status == 409 && Type(problem) == "slot-conflict"),
        ("the appointment lifecycle (409 invalid-status-transition)", (_, status, problem) => status == 409 && Type(problem) == "invalid-status-transition"),
        ("a provider is booked only at a site they work at (422 on provider_uuid)", (_, status, problem) => status == 422 && HasError(problem, "provider_uuid", "does not work at")),
        ("only a scheduled or confirmed appointment can be moved (422 on scheduled_start)", (_, status, problem) => status == 422 && HasError(problem, "scheduled_start", "cannot be moved")),
        ("inactive sites, providers and types cannot be booked (422 \"is not active\")", (_, status, problem) => status == 422 && AnyError(problem, "is not active")),
    ];

    /// <summary>The name of the rule that explains this refusal of a valid request, or <see langword="null"/>.</summary>
    public static string? Explain(FuzzRequest request, int status, JObject? problem)
        => Rules.FirstOrDefault(rule => rule.Applies(request, status, problem)).Name;

    private static string? Type(JObject? problem) => ((string?)problem?["type"])?.Split('/').Last();

    private static bool HasError(JObject? problem, string field, string text)
        => problem?["errors"]?[field] is JArray messages && messages.Any(m => ((string?)m)?.Contains(text, StringComparison.Ordinal) == true);

    private static bool AnyError(JObject? problem, string text)
        => problem?["errors"] is JObject errors && errors.Properties().Any(e => e.Value is JArray messages && messages.Any(m => ((string?)m)?.Contains(text, StringComparison.Ordinal) == true));
}
