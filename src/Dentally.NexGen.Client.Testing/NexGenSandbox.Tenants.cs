using Dentally.NexGen.Client.Testing.State;

namespace Dentally.NexGen.Client.Testing;

// Several organisations and practices, each with its own token: the default tenant comes from the
// options; more are added at run time.
public sealed partial class NexGenSandbox
{
    private INexGenTokenProvider? _tokenProvider;

    /// <summary>The tenant of <see cref="NexGenSandboxOptions"/>' organisation, practice and token, which the sandbox's own properties and hooks describe.</summary>
    public NexGenSandboxTenant DefaultTenant { get; }

    /// <summary>Every tenant, in the order they were added, the default one first (a snapshot).</summary>
    public IReadOnlyList<NexGenSandboxTenant> Tenants => _tenants.All;

    /// <summary>
    /// Serves another organisation and practice, with its own bearer token, from now until the sandbox
    /// stops (<see cref="Reset"/> keeps it). A practice of an organisation the sandbox already serves
    /// shares that organisation's data (patients, providers, types, sites, appointments and idempotency
    /// keys); a new organisation gets data of its own, which holds the guide's data under ids of its
    /// own (<see cref="NexGenSandboxTenant.Seed"/>) when <paramref name="seedGuideData"/>. The token is
    /// answered 403 on another organisation's path and with another practice's <c>X-Practice-Id</c>.
    /// Safe while requests are in flight.
    /// </summary>
    /// <param name="organizationId">The organisation (<c>/api/v1/{org_id}</c>): non-empty, without surrounding white space.</param>
    /// <param name="practiceId">The practice (<c>X-Practice-Id</c>): non-empty, without surrounding white space, new in the organisation.</param>
    /// <param name="token">The bearer token issued for them: non-empty, without white space, no other tenant's.</param>
    /// <param name="seedGuideData">
    /// Whether a new organisation holds the guide's data, at once and after every <see cref="Reset"/>.
    /// Ignored for an organisation the sandbox already serves: its practices share its data.
    /// </param>
    /// <returns>The tenant: its client options, raw HTTP client and data hooks.</returns>
    /// <exception cref="ArgumentException">An id or the token is empty or has white space, the token is another tenant's, or the organisation already has that practice.</exception>
    public NexGenSandboxTenant AddTenant(string organizationId, string practiceId, string token, bool seedGuideData = true)
    {
        TenantRules.RequireId(organizationId, nameof(organizationId), nameof(organizationId));
        TenantRules.RequireId(practiceId, nameof(practiceId), nameof(practiceId));
        TenantRules.RequireToken(token, nameof(token), nameof(token));
        return Add(organizationId, practiceId, token, SandboxSeedIds.For(organizationId), seedGuideData);
    }

    /// <summary>
    /// One token provider for every tenant, as a partner's identity provider would be: it answers each
    /// request's organisation and practice with that tenant's current token (after
    /// <see cref="NexGenSandboxTenant.RotateToken"/>, the new one). For a client that reaches several
    /// tenants through <see cref="NexGenClient.ForPractice"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">From the provider: the sandbox has no such tenant.</exception>
    public INexGenTokenProvider TokenProvider => _tokenProvider ??= NexGenTokenProviders.FromDelegate((request, _) => new ValueTask<string>(
        Tenants.FirstOrDefault(t => t.OrganizationId == request.OrganizationId && t.PracticeId == request.PracticeId)?.Token
        ?? throw new InvalidOperationException($"The sandbox has no tenant {request.OrganizationId}/{request.PracticeId}: add it with AddTenant first.")));

    private NexGenSandboxTenant Add(string organizationId, string practiceId, string token, SandboxSeedIds seedIds, bool seedGuideData)
        => _tenants.Add(
            organizationId,
            practiceId,
            token,
            () => new SandboxState(_options, organizationId, seedIds, seedGuideData),
            state => new NexGenSandboxTenant(this, _tenants, state, practiceId, token));
}
