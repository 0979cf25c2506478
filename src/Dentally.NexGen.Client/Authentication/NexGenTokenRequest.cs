namespace Dentally.NexGen.Client;

/// <summary>
/// What a token is asked for: the organisation and practice of the request it will authorise, and
/// whether the API has just refused the last token for them (<see cref="ForceRefresh"/>).
/// </summary>
public readonly struct NexGenTokenRequest : IEquatable<NexGenTokenRequest>
{
    /// <summary>Describes a token request.</summary>
    /// <param name="organizationId">The organisation of the request.</param>
    /// <param name="practiceId">The practice of the request (<c>X-Practice-Id</c>).</param>
    /// <param name="forceRefresh">Whether a cached token must not be returned.</param>
    public NexGenTokenRequest(string organizationId, string practiceId, bool forceRefresh = false)
    {
        OrganizationId = Guard.NotNull(organizationId, nameof(organizationId));
        PracticeId = Guard.NotNull(practiceId, nameof(practiceId));
        ForceRefresh = forceRefresh;
    }

    /// <summary>The organisation the token must be valid for (<c>/api/v1/{org_id}</c>).</summary>
    public string OrganizationId { get; }

    /// <summary>The practice the token must be valid for (<c>X-Practice-Id</c>).</summary>
    public string PracticeId { get; }

    /// <summary>
    /// <see langword="true"/> after the API refused this tenant's last token with 401: return a fresh
    /// token, not a cached one. The SDK asks once per refusal, however many requests were refused.
    /// </summary>
    public bool ForceRefresh { get; }

    /// <summary>Whether both name the same tenant and refresh flag.</summary>
    /// <param name="left">One request.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(NexGenTokenRequest left, NexGenTokenRequest right) => left.Equals(right);

    /// <summary>Whether they differ.</summary>
    /// <param name="left">One request.</param>
    /// <param name="right">The other.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(NexGenTokenRequest left, NexGenTokenRequest right) => !left.Equals(right);

    /// <inheritdoc/>
    public bool Equals(NexGenTokenRequest other)
        => string.Equals(OrganizationId, other.OrganizationId, StringComparison.Ordinal)
           && string.Equals(PracticeId, other.PracticeId, StringComparison.Ordinal)
           && ForceRefresh == other.ForceRefresh;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is NexGenTokenRequest other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
        => (OrganizationId, PracticeId, ForceRefresh).GetHashCode(); // a string's own hash is ordinal, as Equals compares

    /// <summary>Names the tenant (identifiers only).</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString()
        => $"NexGenTokenRequest {{ OrganizationId = {OrganizationId}, PracticeId = {PracticeId}, ForceRefresh = {ForceRefresh} }}";
}
