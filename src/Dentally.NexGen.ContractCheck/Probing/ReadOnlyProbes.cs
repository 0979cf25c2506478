using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// Every GET operation of the contract, with ids discovered from list answers: a site, a patient from
/// a search, a provider, an appointment type, an appointment, and the availability for the coming
/// week. Only GET requests.
/// </summary>
internal static class ReadOnlyProbes
{
    private static readonly KeyValuePair<string, string> SmallPage = new("page_size", "5");
    private static readonly System.Text.RegularExpressions.Regex SchemeToken = new("^[A-Za-z][A-Za-z0-9._-]{0,31}$", System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The largest <c>page_size</c> the contract lets <paramref name="operationId"/> ask for: the most sites to pick from in one answer.</summary>
    private static string LargestPage(CheckSession session, string operationId)
        => session.Contract[operationId].Operation.ActualParameters.Select(p => p.ActualParameter).Single(p => p.Name == "page_size").ActualSchema.Maximum is { } maximum
            ? maximum.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"The contract sets no page_size maximum for {operationId}.");

    public static async Task RunAsync(CheckSession session, CancellationToken cancellationToken)
    {
        var sites = await ReadAsync(session, session.Request("listSites") with { Query = [new("page_size", LargestPage(session, "listSites"))] }, cancellationToken).ConfigureAwait(false);
        await EnsureAdmittedAsync(session, sites, cancellationToken).ConfigureAwait(false);
        Remember(session, "site", sites, preferActive: true);
        await PagingProbe.RunAsync(session, sites, cancellationToken).ConfigureAwait(false);
        await ReadOneAsync(session, "getSite", "site_uuid", "site", cancellationToken).ConfigureAwait(false);

        var patients = await ReadAsync(session, session.Request("searchPatients") with { Query = [SmallPage] }, cancellationToken).ConfigureAwait(false);
        Remember(session, "patient", patients, preferActive: false);
        await PagingProbe.RunAsync(session, patients, cancellationToken).ConfigureAwait(false);
        await SearchQueryProbe.RunAsync(session, cancellationToken).ConfigureAwait(false);
        await ReadOneAsync(session, "getPatient", "patient_uuid", "patient", cancellationToken).ConfigureAwait(false);

        Remember(session, "provider", await ReadAsync(session, session.Request("listProviders"), cancellationToken).ConfigureAwait(false), preferActive: true);
        Remember(session, "appointment-type", await ReadAsync(session, session.Request("listAppointmentTypes"), cancellationToken).ConfigureAwait(false), preferActive: true);

        var appointments = await ReadAsync(session, session.Request("listAppointments") with { Query = [SmallPage] }, cancellationToken).ConfigureAwait(false);
        Remember(session, "appointment", appointments, preferActive: false);
        await PagingProbe.RunAsync(session, appointments, cancellationToken).ConfigureAwait(false);
        await ReadOneAsync(session, "getAppointment", "appointment_uuid", "appointment", cancellationToken).ConfigureAwait(false);

        await AvailabilityAsync(session, 1, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The free slots of the discovered site and appointment type in the week starting <paramref name="daysAhead"/> days from today; <see langword="null"/> when there is no site or type to ask for.</summary>
    public static async Task<ProbeAnswer?> AvailabilityAsync(CheckSession session, int daysAhead, CancellationToken cancellationToken)
    {
        if (!session.Ids.TryGetValue("site", out var site) || !session.Ids.TryGetValue("appointment-type", out var type))
        {
            return null;
        }

        var clock = session.Options.TimeProvider;
        var answer = await session.SendAsync(
            session.Request("getAvailability") with
            {
                Query =
                [
                    new("location_uuid", site),
                    new("appointment_type_uuid", type),
                    new("from", PracticeDates.DaysFromToday(clock, daysAhead)),
                    new("to", PracticeDates.DaysFromToday(clock, daysAhead + 7)),
                ],
            },
            cancellationToken).ConfigureAwait(false);
        session.ExpectAccepted(answer, pickedByTheCheck: true);
        return answer;
    }

    /// <summary>Sends a read the contract allows; its refusal is a difference even when the status is documented (<see cref="CheckSession.ExpectAccepted"/>).</summary>
    private static async Task<ProbeAnswer> ReadAsync(CheckSession session, ProbeRequest request, CancellationToken cancellationToken)
    {
        var answer = await session.SendAsync(request, cancellationToken).ConfigureAwait(false);
        session.ExpectAccepted(answer);
        return answer;
    }

    /// <summary>The first list answer tells whether the check can run at all: a refused token or practice ends it.</summary>
    private static async Task EnsureAdmittedAsync(CheckSession session, ProbeAnswer answer, CancellationToken cancellationToken)
    {
        if (answer.Status == 401 && ChallengeScheme(answer) is { } scheme && !scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new NexGenContractCheckException($"The server asks for {scheme} authentication, not the Bearer token of the contract (401 on listSites with WWW-Authenticate: {scheme}): the API's authentication has changed; see whether a newer SDK supports it.");
        }

        if (answer.Status == 401)
        {
            // A challenge naming protected-resource metadata (RFC 9728) says where the API now takes tokens from.
            var metadata = answer.WwwAuthenticate?.Split(' ', 2) is [_, var parameters] ? Dentally.NexGen.Client.ChallengeChange.ResourceMetadata(parameters) : null;
            throw new NexGenContractCheckException("The server refused the token (401 on listSites): check that the token is current and meant for this server"
                + (metadata is null ? "." : $"; it names its protected-resource metadata at {metadata}, so it may now take tokens only from the authorization server listed there."));
        }

        if (TransientStatus.Is(answer.Status))
        {
            // Every read after it would most likely be refused too, and a report of not-checked lines alone would pass (exit 0).
            throw new NexGenContractCheckException(FormattableString.Invariant($"The server answered {answer.Status} to listSites, the check's first request: it (or a gateway in front of it) is busy or failing, so nothing could be checked; run the check again later."));
        }

        if (answer.Status == 403)
        {
            // An API that now answers 403 where the contract has 401 (no token, or one it does not take) would have
            // the practice blamed for the token: asked without one, it must say 401.
            var anonymous = await session.SendAsync(session.Request("listSites") with { WithToken = false, Note = "no token" }, cancellationToken).ConfigureAwait(false);
            if (anonymous.Status == 403)
            {
                throw new NexGenContractCheckException("The server answers 403 on listSites even without a token, where the contract has 401: its authentication changed, and the refusal may be the token's rather than the practice's; check the token, then the practice id and the token's scope.");
            }

            throw new NexGenContractCheckException($"The token may not see practice {session.Options.PracticeId} (403 on listSites): check the practice id and the token's scope.");
        }
    }

    /// <summary>The scheme a 401's <c>WWW-Authenticate</c> asks for (<c>Bearer</c>, <c>DPoP</c>…), when it names one as a token should look.</summary>
    private static string? ChallengeScheme(ProbeAnswer answer)
        => answer.WwwAuthenticate?.Split([' ', ','], 2)[0] is { } scheme && SchemeToken.IsMatch(scheme) ? scheme : null;

    private static async Task ReadOneAsync(CheckSession session, string operationId, string parameter, string idName, CancellationToken cancellationToken)
    {
        if (session.Ids.TryGetValue(idName, out var id))
        {
            await ReadAsync(session, session.Request(operationId) with { PathValues = new Dictionary<string, string> { [parameter] = id } }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Remember(CheckSession session, string idName, ProbeAnswer answer, bool preferActive)
    {
        if (!answer.IsSuccess)
        {
            return;
        }

        var items = answer.Items;
        var chosen = (preferActive ? items.FirstOrDefault(i => i["is_active"] is JValue { Type: JTokenType.Boolean } active && active.Value<bool>()) : null)
            ?? (items.Count > 0 ? items[0] : null);
        if (chosen?["uuid"] is JValue { Type: JTokenType.String } uuid && uuid.Value<string>() is { Length: > 0 } value)
        {
            session.Ids[idName] = value;
        }
    }
}
