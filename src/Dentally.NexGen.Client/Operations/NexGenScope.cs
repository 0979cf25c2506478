namespace Dentally.NexGen.Client;

/// <summary>The organisation, practice and idempotency policy every call of one client shares.</summary>
internal sealed class NexGenScope
{
    public NexGenScope(string organizationId, string practiceId, bool automaticIdempotencyKeys)
    {
        OrganizationId = organizationId;
        PracticeId = practiceId;
        AutomaticIdempotencyKeys = automaticIdempotencyKeys;
    }

    public string OrganizationId { get; }

    public string PracticeId { get; }

    public bool AutomaticIdempotencyKeys { get; }

    /// <summary>The caller's key, else a new one per logical call (when automatic keys are on); retries reuse it.</summary>
    public string? IdempotencyKey(string? callerKey)
        => Validate.IdempotencyKey(callerKey) ?? (AutomaticIdempotencyKeys ? Guid.NewGuid().ToString() : null);
}
