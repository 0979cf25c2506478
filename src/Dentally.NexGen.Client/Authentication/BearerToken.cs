using System.Net.Http.Headers;

namespace Dentally.NexGen.Client;

/// <summary>A bearer token and its <c>Authorization</c> header value. <see cref="ToString"/> never shows the token.</summary>
internal sealed class BearerToken(string value, AuthenticationHeaderValue header)
{
    public AuthenticationHeaderValue Header { get; } = header;

    public bool Holds(string token) => string.Equals(value, token, StringComparison.Ordinal);

    /// <summary>Compares the tokens, not the instances: another request may have cached an equal one meanwhile.</summary>
    public bool IsSameAs(BearerToken other) => other.Holds(value);

    public override string ToString() => "Bearer ***";
}
