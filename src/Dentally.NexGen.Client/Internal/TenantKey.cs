namespace Dentally.NexGen.Client;

/// <summary>
/// Who a request is made as, for caches shared between clients and scopes: the API, the organisation
/// and practice it names on the wire (path and <c>X-Practice-Id</c>), and the credentials it carries
/// (the options' token provider or token, by reference). A value fetched under one key never answers
/// a call under another, so one tenant's refusal (a 403 for its practice) never fails another's call.
/// </summary>
internal sealed class TenantKey(Uri? baseAddress, string organizationId, string practiceId, object? credentials) : IEquatable<TenantKey>
{
    private readonly Uri? _baseAddress = baseAddress;
    private readonly string _organizationId = organizationId;
    private readonly string _practiceId = practiceId;
    private readonly object? _credentials = credentials;

    public bool Equals(TenantKey? other)
        => other is not null
            && string.Equals(_organizationId, other._organizationId, StringComparison.Ordinal)
            && string.Equals(_practiceId, other._practiceId, StringComparison.Ordinal)
            && ReferenceEquals(_credentials, other._credentials)
            && _baseAddress == other._baseAddress;

    public override bool Equals(object? obj) => Equals(obj as TenantKey);

    public override int GetHashCode()
        => (_organizationId, _practiceId).GetHashCode(); // a string's own hash is ordinal, as Equals compares
}
