using System.Diagnostics;

namespace Dentally.NexGen.Client;

/// <summary>
/// Everything the SDK needs to call the NexGen API, set once. Bind it from configuration
/// (section <c>NexGen</c> by convention) or set it in code; invalid values fail fast with a
/// message that names the option.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
public sealed class NexGenClientOptions
{
    /// <summary>The default per-attempt timeout: 10 seconds.</summary>
    public static readonly TimeSpan DefaultAttemptTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The default overall timeout of one call, retries included: 60 seconds.</summary>
    public static readonly TimeSpan DefaultOverallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The default limit of one response body: 16 MiB.</summary>
    public const long DefaultMaxResponseBodySize = 16 * 1024 * 1024;

    /// <summary>The API's base address, e.g. <c>https://api.example.com</c>. Must be absolute and <c>https</c> unless the host is loopback.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The organisation every <c>/api/v1/{org_id}</c> call is scoped to.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>The practice sent as <c>X-Practice-Id</c> on every call (required by the Sites operations).</summary>
    public string? PracticeId { get; set; }

    /// <summary>
    /// A static bearer token. Use <see cref="TokenProvider"/> instead for tokens that expire. Never
    /// shown by <see cref="ToString"/> or in the debugger.
    /// </summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string? Token { get; set; }

    /// <summary>Supplies (and on a 401, refreshes) bearer tokens. Takes precedence over <see cref="Token"/>.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public INexGenTokenProvider? TokenProvider { get; set; }

    /// <summary>How long one HTTP attempt may take before it is abandoned (and retried when safe). Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; set; } = DefaultAttemptTimeout;

    /// <summary>How long one call may take in all, retries and their delays included. Default 60 s.</summary>
    public TimeSpan OverallTimeout { get; set; } = DefaultOverallTimeout;

    /// <summary>
    /// The largest response body the SDK reads, in bytes (at most 1 GiB). A larger body, success or
    /// error, is a <see cref="NexGenTransportException"/>, retried when that is safe. Default 16 MiB.
    /// </summary>
    public long MaxResponseBodySize { get; set; } = DefaultMaxResponseBodySize;

    /// <summary>Retry settings for transient failures.</summary>
    public NexGenRetryOptions Retry { get; set; } = new();

    /// <summary>
    /// Whether <c>POST /patients</c> and <c>POST /appointments</c> get an automatic
    /// <c>Idempotency-Key</c> (a new UUID per call, reused by its retries). Default <see langword="true"/>.
    /// Without a key a POST is never retried.
    /// </summary>
    public bool AutomaticIdempotencyKeys { get; set; } = true;

    /// <summary>
    /// Whether a response that differs from the SDK's contract is reported: a member or an
    /// <c>x-extensible-enum</c> value the contract does not know, a value of another type read converted, an
    /// operation the API says is deprecated, or a required member missing or mistyped, is logged at Warning (category <c>Dentally.NexGen.Client.ContractDrift</c>) and counted on
    /// <see cref="NexGenDiagnostics.ContractDriftCounter"/>, once per operation and JSON path, never with
    /// a value. Turning it off does not change what a call returns or throws. Default <see langword="true"/>.
    /// </summary>
    public bool ReportContractDrift { get; set; } = true;

    /// <summary>How long <see cref="BookingWorkflow"/> keeps an organisation's appointment types. Default 10 minutes.</summary>
    public TimeSpan AppointmentTypeCacheDuration { get; set; } = AppointmentTypeCache.DefaultTimeToLive;

    /// <summary>Appended to the SDK's <c>User-Agent</c>, e.g. <c>acme-booking/2.3</c>.</summary>
    public string? UserAgentSuffix { get; set; }

    /// <summary>
    /// The clock of everything time-dependent in the client (replace it in tests): retry delays and
    /// timeouts, an error's <c>Retry-After</c> date when the response has no <c>Date</c>, the appointment
    /// type cache and token lifetimes. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Lists what is wrong with these options, each message naming the option; empty when valid.</summary>
    /// <returns>The problems found.</returns>
    public IReadOnlyList<string> Validate() => NexGenClientOptionsValidator.Check(this);

    /// <summary>The scope last built from these options (see <see cref="NexGenScope.For"/>).</summary>
    internal NexGenScope? Scope { get; set; }

    /// <summary>The drift already reported by clients built from these options.</summary>
    internal ContractDriftPaths ReportedDrift => LazyInitializer.EnsureInitialized(ref _reportedDrift)!; // never null: netstandard2.0 lacks the annotation

    private ContractDriftPaths? _reportedDrift;

    /// <summary>Describes the options without the token, and the base address without user info or query (a password or key may be there).</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString()
        => $"NexGenClientOptions {{ BaseAddress = {Shown(BaseAddress)}, OrganizationId = {OrganizationId}, PracticeId = {PracticeId}, " +
           $"Token = {(TokenProvider is not null ? "(provider)" : string.IsNullOrEmpty(Token) ? "(none)" : "***")}, " +
           $"AttemptTimeout = {AttemptTimeout}, OverallTimeout = {OverallTimeout}, Retry = {Retry}, ReportContractDrift = {ReportContractDrift} }}";

    private static string? Shown(Uri? address)
        => address is not { IsAbsoluteUri: true } ? address?.OriginalString
            : ContractPathInBaseAddress.Shown(address) + (address.Query.Length > 0 ? "?…" : string.Empty);
}
