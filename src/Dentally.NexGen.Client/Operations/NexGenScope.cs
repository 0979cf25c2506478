namespace Dentally.NexGen.Client;

/// <summary>
/// The organisation, practice and idempotency policy every call of one client shares, as they were when
/// the client was built. One instance serves every client built from the same, unchanged options.
/// </summary>
internal sealed class NexGenScope
{
    private readonly Uri? _baseAddress;
    private string? _typeCacheKey;

    private NexGenScope(NexGenClientOptions options)
    {
        _baseAddress = options.BaseAddress;
        OrganizationId = options.OrganizationId!;
        PracticeId = options.PracticeId!;
        AutomaticIdempotencyKeys = options.AutomaticIdempotencyKeys;
    }

    public string OrganizationId { get; }

    public string PracticeId { get; }

    public bool AutomaticIdempotencyKeys { get; }

    /// <summary>Identifies the API and organisation, for caches shared between clients.</summary>
    public string TypeCacheKey => _typeCacheKey ??= _baseAddress + "|" + OrganizationId;

    /// <summary>
    /// The scope for <paramref name="options"/> (already validated): the one built last for them while
    /// they still say the same, else a new one: an app may build several clients from one options instance.
    /// </summary>
    public static NexGenScope For(NexGenClientOptions options)
    {
        var scope = options.Scope;
        if (scope is null || !scope.Matches(options))
        {
            scope = new NexGenScope(options);
            options.Scope = scope;
        }

        return scope;
    }

    /// <summary>The caller's key, else a new one per logical call (when automatic keys are on); retries reuse it.</summary>
    public string? IdempotencyKey(string? callerKey)
        => Validate.IdempotencyKey(callerKey) ?? (AutomaticIdempotencyKeys ? Guid.NewGuid().ToString() : null);

    private bool Matches(NexGenClientOptions options)
        => _baseAddress == options.BaseAddress
            && string.Equals(OrganizationId, options.OrganizationId, StringComparison.Ordinal)
            && string.Equals(PracticeId, options.PracticeId, StringComparison.Ordinal)
            && AutomaticIdempotencyKeys == options.AutomaticIdempotencyKeys;
}
