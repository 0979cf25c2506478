using Dentally.NexGen.ContractCheck.Validation;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// The semantics the SDK relies on beyond the schemas: no token is a 401 with <c>WWW-Authenticate</c>,
/// a practice the token may not see is a 403, an unknown id is a 404 — each a problem of the documented
/// type, which the answer's own check verifies. Only GET requests.
/// </summary>
internal static class SemanticProbes
{
    public static async Task RunAsync(CheckSession session, CancellationToken cancellationToken)
    {
        var anonymous = await session.SendAsync(session.Request("listSites") with { WithToken = false, Note = "no token" }, cancellationToken).ConfigureAwait(false);
        if (session.Expect(anonymous, 401, "401 without a token") && !(anonymous.WwwAuthenticate?.StartsWith("Bearer", StringComparison.OrdinalIgnoreCase) ?? false))
        {
            session.Report("listSites", "header WWW-Authenticate", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "WWW-Authenticate: Bearer on a 401", anonymous.WwwAuthenticate is null ? "absent" : "another scheme", anonymous.RequestId);
        }

        foreach (var operation in new[] { "listSites", "searchPatients" })
        {
            var foreign = await session.SendAsync(
                session.Request(operation) with { PracticeOverride = session.Options.ForeignPracticeId, Note = "another practice", Query = [new("page_size", "1")] },
                cancellationToken).ConfigureAwait(false);
            session.Expect(foreign, 403, "403 for a practice the token may not see");
        }

        var unknown = await session.SendAsync(
            session.Request("getAppointment") with { PathValues = new Dictionary<string, string> { ["appointment_uuid"] = Guid.NewGuid().ToString() }, Note = "unknown id" },
            cancellationToken).ConfigureAwait(false);
        session.Expect(unknown, 404, "404 for an unknown id");
    }
}
