namespace Dentally.NexGen.Client;

/// <summary>
/// The organisation, practice, idempotency policy and clock every call of one client shares. A client built from
/// options has the options' organisation and practice (or none); <see cref="NexGenClient.ForPractice"/>
/// makes a scope per tenant over the same pipeline. Every request carries the scope that made it
/// (<see cref="RequestScope"/>), so the pipeline knows whose token and telemetry it is.
/// </summary>
internal sealed class NexGenScope
{
    private readonly Uri? _baseAddress;
    private readonly string? _organizationId;
    private readonly string? _practiceId;
    private readonly object? _credentials;
    private TenantKey? _typeCacheKey;

    private NexGenScope(Uri? baseAddress, string? organizationId, string? practiceId, object? credentials, bool automaticIdempotencyKeys, TimeProvider time)
    {
        Time = time;
        _baseAddress = baseAddress;
        _credentials = credentials;
        _organizationId = organizationId;
        _practiceId = practiceId;
        AutomaticIdempotencyKeys = automaticIdempotencyKeys;
    }

    /// <summary>Whether the scope names an organisation and a practice; a partner's root client may name none.</summary>
    public bool HasTenant => _organizationId is not null && _practiceId is not null;

    /// <summary>The organisation, or <see langword="null"/> for a client that names none.</summary>
    public string? OrganizationIdOrNull => _organizationId;

    /// <summary>The practice, or <see langword="null"/> for a client that names none.</summary>
    public string? PracticeIdOrNull => _practiceId;

    /// <summary>The organisation; a call on a client that names none fails here, before any request.</summary>
    public string OrganizationId => _organizationId ?? throw NoTenant();

    /// <summary>The practice; a call on a client that names none fails here, before any request.</summary>
    public string PracticeId => _practiceId ?? throw NoTenant();

    public bool AutomaticIdempotencyKeys { get; }

    /// <summary>The options' clock: what an error's <c>Retry-After</c> date is measured from when the response has no <c>Date</c>.</summary>
    public TimeProvider Time { get; }

    /// <summary>
    /// Identifies the API, the tenant and the credentials, for caches shared between clients and scopes:
    /// per practice, not per organisation, because a fetch is made with one practice's token and
    /// <c>X-Practice-Id</c>, and the API may refuse that practice while serving its neighbour.
    /// </summary>
    public TenantKey TypeCacheKey => _typeCacheKey ??= new TenantKey(_baseAddress, OrganizationId, PracticeId, _credentials);

    /// <summary>
    /// The scope for <paramref name="options"/> (already validated): the one built last for them while
    /// they still say the same, else a new one: an app may build several clients from one options instance.
    /// </summary>
    public static NexGenScope For(NexGenClientOptions options)
    {
        var scope = options.Scope;
        if (scope is null || !scope.Matches(options))
        {
            scope = new NexGenScope(options.BaseAddress, options.OrganizationId, options.PracticeId, Credentials(options), options.AutomaticIdempotencyKeys, options.TimeProvider);
            options.Scope = scope;
        }

        return scope;
    }

    /// <summary>The scope of another tenant of the same API, with the same policy.</summary>
    public NexGenScope ForPractice(string organizationId, string practiceId)
        => new(_baseAddress, TenantId.Check(organizationId, nameof(organizationId)), TenantId.Check(practiceId, nameof(practiceId)), _credentials, AutomaticIdempotencyKeys, Time);

    /// <summary>The caller's key, else a new one per logical call (when automatic keys are on); retries reuse it.</summary>
    public string? IdempotencyKey(string? callerKey)
        => Validate.IdempotencyKey(callerKey) ?? (AutomaticIdempotencyKeys ? Guid.NewGuid().ToString() : null);

    // One message for the client and a workflow over it: a caller who resolved BookingWorkflow from DI
    // has no client in sight, so it names the workflow's ForPractice too.
    public static InvalidOperationException NoTenant() => new(
        "This NexGenClient (or a BookingWorkflow over it) names no organisation and practice: set NexGenClientOptions.OrganizationId and PracticeId, " +
        "or scope the call to the tenant with client.ForPractice(organizationId, practiceId) or workflow.ForPractice(organizationId, practiceId).");

    private bool Matches(NexGenClientOptions options)
        => _baseAddress == options.BaseAddress
            && string.Equals(_organizationId, options.OrganizationId, StringComparison.Ordinal)
            && string.Equals(_practiceId, options.PracticeId, StringComparison.Ordinal)
            && ReferenceEquals(_credentials, Credentials(options))
            && AutomaticIdempotencyKeys == options.AutomaticIdempotencyKeys
            && ReferenceEquals(Time, options.TimeProvider);

    // What the pipeline authenticates with, by reference: never read, only compared.
    private static object? Credentials(NexGenClientOptions options) => (object?)options.TokenProvider ?? options.Token;
}
