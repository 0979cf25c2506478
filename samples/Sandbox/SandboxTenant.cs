namespace Dentally.NexGen.Samples.Sandbox;

/// <summary>Another organisation and practice to serve, with its own token, from <c>--tenant ORG_ID/PRACTICE_ID/TOKEN</c>.</summary>
/// <param name="OrganizationId">The organisation (<c>/api/v1/{org_id}</c>).</param>
/// <param name="PracticeId">The practice (<c>X-Practice-Id</c>).</param>
/// <param name="Token">The bearer token issued for them.</param>
public sealed record SandboxTenant(string OrganizationId, string PracticeId, string Token)
{
    /// <summary>Reads <c>ORG_ID/PRACTICE_ID/TOKEN</c>, the form of <c>--tenant</c>.</summary>
    /// <param name="text">The option's value.</param>
    /// <returns>The tenant.</returns>
    public static SandboxTenant Parse(string text)
    {
        var parts = text.Split('/');
        return parts.Length == 3 && parts.All(part => part.Length > 0)
            ? new SandboxTenant(parts[0], parts[1], parts[2])
            : throw new ArgumentException($"--tenant must look like ORG_ID/PRACTICE_ID/TOKEN, not '{text}'.", nameof(text));
    }
}
