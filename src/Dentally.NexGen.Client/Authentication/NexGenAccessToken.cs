using System.Diagnostics;

namespace Dentally.NexGen.Client;

/// <summary>A bearer token and when it expires, as an identity provider issues it. <see cref="ToString"/> never shows the token.</summary>
public readonly struct NexGenAccessToken
{
    /// <summary>Describes a token.</summary>
    /// <param name="token">The bearer token, without the <c>Bearer </c> prefix.</param>
    /// <param name="expiresOn">When it stops being valid.</param>
    public NexGenAccessToken(string token, DateTimeOffset expiresOn)
    {
        Token = Guard.NotNull(token, nameof(token));
        ExpiresOn = expiresOn;
    }

    /// <summary>The bearer token.</summary>
    [DebuggerBrowsable(DebuggerBrowsableState.Never)]
    public string Token { get; }

    /// <summary>When the token stops being valid.</summary>
    public DateTimeOffset ExpiresOn { get; }

    /// <summary>Describes the token without its value.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() => $"NexGenAccessToken {{ Token = ***, ExpiresOn = {ExpiresOn:O} }}";
}
