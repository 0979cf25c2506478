using System.Net.Http;

namespace Dentally.NexGen.Client;

/// <summary>
/// A response's status, an error's body, a 401's challenge and a success's announcement of its end against what the contract documents (<see cref="ContractStatuses"/>), for
/// <see cref="NexGenClientBase"/>: a success the contract does not document for the operation — a 200 or 202
/// where it says 201, a 204 where it documents a body — is breaking drift, reported like a member of another
/// type and thrown as a <see cref="NexGenContractViolationException"/>, which says the server carried the
/// request out, rather than the generated code's bare "status code was not expected".
/// </summary>
internal static class ContractStatus
{
    /// <summary>The path a status difference is reported at, as <c>nexgen check</c> names it.</summary>
    public const string Path = "status";

    private const string ContentTypePath = "header Content-Type";
    private const string ChallengeHeader = "WWW-Authenticate";
    private const string ChallengePath = "header " + ChallengeHeader;
    private const string ProblemTypePath = "$.type";
    private const string DeprecationHeader = "Deprecation";
    private const string SunsetHeader = "Sunset";

    /// <summary>Whether the response is a success the contract documents for its operation; false for an error status.</summary>
    /// <exception cref="NexGenContractViolationException">A success status the operation does not document.</exception>
    public static bool IsDocumentedSuccess(HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
        {
            return false;
        }

        var (operation, reporter) = ContractOperation.Of(response.RequestMessage);
        if (ContractStatuses.Documents(operation, (int)response.StatusCode))
        {
            ReportDeprecation(response, operation, reporter);
            return true;
        }

        reporter?.Report(response.RequestMessage, operation, new ContractDriftFinding(ContractDriftKinds.UndocumentedStatus, Path), ContractDriftKinds.Breaking);
        var error = new ApiErrorResponse((int)response.StatusCode, null, ApiErrorResponse.ReadRequestId(response), null);
        throw new NexGenContractViolationException(error, operation, Path, ContractDriftKinds.UndocumentedStatus);
    }

    /// <summary>
    /// Reports a success that announces its operation is going — a <c>Deprecation</c> header (RFC 9745) or a
    /// <c>Sunset</c> one (RFC 8594) — as info drift (<c>deprecated</c>): the call works today. Two header lookups,
    /// no allocation, and none at all with reporting off.
    /// </summary>
    private static void ReportDeprecation(HttpResponseMessage response, string operation, ContractDriftReporter? reporter)
    {
        if (reporter is not { Enabled: true })
        {
            return;
        }

        var header = response.Headers.Contains(DeprecationHeader) ? DeprecationHeader : response.Headers.Contains(SunsetHeader) ? SunsetHeader : null;
        if (header is not null)
        {
            reporter.Report(response.RequestMessage, operation, new ContractDriftFinding(ContractDriftKinds.Deprecated, "header " + header), ContractDriftKinds.Info);
        }
    }

    /// <summary>
    /// Reports an error answer without the problem document the contract gives every error — a gateway's HTML
    /// 404 for a path the API no longer has, an empty 400 — as breaking drift (<c>media-type-changed</c>, as
    /// <c>nexgen check</c> names it). The call still throws the exception of its status, but a moved URL
    /// would otherwise look like a resource not found. A 429 or a 5xx is left out: proxies send their own.
    /// </summary>
    public static void ReportNotProblem(HttpResponseMessage response)
    {
        // A redirect needs no body: it is reported as the undocumented status it is.
        if ((int)response.StatusCode >= 400 && ApiErrorReporter(response, out var operation) is { } reporter)
        {
            reporter.Report(response.RequestMessage, operation, new ContractDriftFinding(ContractDriftKinds.MediaTypeChanged, ContentTypePath), ContractDriftKinds.Breaking);
        }
    }

    /// <summary>
    /// Reports a success whose body is not JSON and whose <c>Content-Type</c> is not JSON either — a gateway's HTML
    /// page, or a single-page app's fallback route, answering 200 for a path the API no longer serves — as breaking
    /// drift (<c>media-type-changed</c>). Called only for a body already found not to be JSON: a JSON body cut
    /// short is the network's, not the API's, and is not reported.
    /// </summary>
    public static void ReportSuccessNotJson(HttpResponseMessage response)
    {
        if (ContractOperation.Of(response.RequestMessage) is (var operation, { } reporter) && !IsJson(response.Content?.Headers.ContentType?.MediaType))
        {
            reporter.Report(response.RequestMessage, operation, new ContractDriftFinding(ContractDriftKinds.MediaTypeChanged, ContentTypePath), ContractDriftKinds.Breaking);
        }
    }

    /// <summary><c>application/json</c>, or a JSON-based type such as <c>application/problem+json</c>.</summary>
    private static bool IsJson(string? mediaType)
        => mediaType is not null && (mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Reports a problem whose <c>type</c> the contract does not document (<c>problem-type-changed</c> at <c>$.type</c>, as
    /// <c>nexgen check</c> names it), never the type itself. Breaking for a 409 or a 422, where the SDK picks its
    /// exception by the type (a <c>slot-conflict</c> renamed is no longer one <see cref="BookingWorkflow"/> rebooks on;
    /// an <c>idempotency-key-mismatch</c> renamed reads as a validation error); info for any other status, whose
    /// exception the SDK picks by the status alone — a gateway's <c>about:blank</c> or RFC 9457 404 (ASP.NET, Envoy,
    /// API Management) changes nothing the caller gets. The call throws the exception of its status, as before.
    /// A 408, a 429 or a 5xx is left out: proxies send their own; so is a status the operation does not document,
    /// reported as that.
    /// </summary>
    public static void ReportUndocumentedProblemType(HttpResponseMessage response)
    {
        // An undocumented status is reported as such: its problem type could not be documented either.
        var status = (int)response.StatusCode;
        if (ApiErrorReporter(response, out var operation) is { } reporter && ContractStatuses.Documents(operation, status))
        {
            var driftClass = status is 409 or 422 ? ContractDriftKinds.Breaking : ContractDriftKinds.Info;
            reporter.Report(response.RequestMessage, operation, new ContractDriftFinding(ContractDriftKinds.ProblemTypeChanged, ProblemTypePath), driftClass);
        }
    }

    /// <summary>
    /// Reports a member of a problem that is of another type than the contract's and does not convert without loss
    /// (<c>type-changed</c>, as for a success's member): a <c>status</c> no int holds. The SDK reads the rest of the
    /// problem without it, and the call throws the exception of its status and problem type, as before. Breaking, as
    /// any member the SDK cannot read; a 408, a 429 or a 5xx is left out: proxies send their own.
    /// </summary>
    public static void ReportMistypedProblemMember(HttpResponseMessage response, string path)
    {
        if (ApiErrorReporter(response, out var operation) is { } reporter)
        {
            reporter.Report(response.RequestMessage, operation, new ContractDriftFinding(ContractDriftKinds.TypeChanged, path), ContractDriftKinds.Breaking);
        }
    }

    /// <summary>
    /// Reports a 3xx or 4xx the operation does not document — a redirect to where the API moved, a 400 for a
    /// header the API now requires where the contract has none, a 410 for a path it retired — as breaking drift (<c>undocumented-status</c>). The call
    /// throws the exception of its status, as before. A 408, a 429 or a 5xx is left out: proxies send their own.
    /// </summary>
    public static void ReportUndocumentedError(HttpResponseMessage response)
    {
        if (ApiErrorReporter(response, out var operation) is { } reporter && !ContractStatuses.Documents(operation, (int)response.StatusCode))
        {
            reporter.Report(response.RequestMessage, operation, new ContractDriftFinding(ContractDriftKinds.UndocumentedStatus, Path), ContractDriftKinds.Breaking);
        }
    }

    /// <summary>
    /// The reporter of the SDK's pipeline that read a 3xx (the contract has no redirect: a moved URL) or a
    /// 4xx (but 408 and 429, which proxies and load balancers send), which may be drift; none otherwise.
    /// </summary>
    private static ContractDriftReporter? ApiErrorReporter(HttpResponseMessage response, out string operation)
    {
        (operation, var reporter) = ContractOperation.Of(response.RequestMessage);
        return (int)response.StatusCode is >= 300 and < 500 and not 408 and not 429 ? reporter : null;
    }

    /// <summary>
    /// Reports a 401 whose <c>WWW-Authenticate</c> asks for no <c>Bearer</c> token (<c>DPoP</c>, an API key's scheme) as
    /// breaking drift (<c>security-changed</c>, as <c>nexgen diff</c> names it): the API's authentication has changed,
    /// and refreshing the token the SDK sends will not help. A Bearer challenge naming protected-resource metadata
    /// (RFC 9728 <c>resource_metadata</c>, which the contract's challenge has not) is info: the token may still be the
    /// one at fault, but the API now points to where tokens come from. A 401 that asks for plain Bearer is the token's.
    /// A 401 with no <c>WWW-Authenticate</c> at all, which RFC 9110 requires and the contract documents, is breaking drift
    /// as <c>nexgen check</c> reports it (<c>semantic-broken</c>): the call still throws its 401, but a gateway's or
    /// another service's 401 for a path the API moved would otherwise read as a refused token.
    /// </summary>
    public static void ReportChallenge(HttpResponseMessage response)
    {
        if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized || ContractOperation.Of(response.RequestMessage) is not (var operation, { Enabled: true } reporter))
        {
            return;
        }

        if (!response.Headers.Contains(ChallengeHeader))
        {
            reporter.Report(response.RequestMessage, operation, new ContractDriftFinding(ContractDriftKinds.SemanticBroken, ChallengePath), ContractDriftKinds.Breaking);
            return;
        }

        var driftClass = ChallengeChange.OtherScheme(response) is not null ? ContractDriftKinds.Breaking
            : ChallengeChange.ResourceMetadata(response) is not null ? ContractDriftKinds.Info
            : null;
        if (driftClass is not null)
        {
            reporter.Report(response.RequestMessage, operation, new ContractDriftFinding(ContractDriftKinds.SecurityChanged, ChallengePath), driftClass);
        }
    }
}
