namespace Dentally.NexGen.Client.Testing.State;

/// <summary>
/// The tenants a sandbox serves, by token, and the organisations whose data they share. Adding a
/// tenant and rotating a token are rare and locked; the lookup every request makes reads an immutable
/// snapshot without a lock.
/// </summary>
internal sealed class TenantRegistry
{
    private readonly object _gate = new();
    private Snapshot _snapshot = new([], new Dictionary<string, NexGenSandboxTenant>(StringComparer.Ordinal));

    /// <summary>Every tenant, in the order they were added (the default one first).</summary>
    public IReadOnlyList<NexGenSandboxTenant> All => Volatile.Read(ref _snapshot).Tenants;

    /// <summary>Every organisation's data, once each.</summary>
    public IReadOnlyList<SandboxState> Organisations => All.Select(t => t.State).Distinct().ToList();

    /// <summary>The tenant a bearer token was issued for, or <see langword="null"/>.</summary>
    public NexGenSandboxTenant? FindByToken(string token)
        => Volatile.Read(ref _snapshot).ByToken.TryGetValue(token, out var tenant) ? tenant : null;

    /// <summary>
    /// Adds a tenant: one of an organisation already served shares its data; one of a new organisation
    /// gets data from <paramref name="newOrganisation"/>. The ids must already be valid text.
    /// </summary>
    public NexGenSandboxTenant Add(string organizationId, string practiceId, string token, Func<SandboxState> newOrganisation, Func<SandboxState, NexGenSandboxTenant> newTenant)
    {
        lock (_gate)
        {
            var current = _snapshot;
            RequireUnused(current, token, nameof(token));

            if (current.Tenants.Any(t => t.OrganizationId == organizationId && t.PracticeId == practiceId))
            {
                throw new ArgumentException($"Organisation {organizationId} already has a tenant for practice {practiceId}.", nameof(practiceId));
            }

            var state = current.Tenants.FirstOrDefault(t => t.OrganizationId == organizationId)?.State ?? newOrganisation();
            var tenant = newTenant(state);
            var byToken = new Dictionary<string, NexGenSandboxTenant>(current.ByToken, StringComparer.Ordinal) { [token] = tenant };
            Volatile.Write(ref _snapshot, new Snapshot([.. current.Tenants, tenant], byToken));
            return tenant;
        }
    }

    /// <summary>Issues <paramref name="newToken"/> to <paramref name="tenant"/> in place of its token, which is then unknown.</summary>
    public void Rotate(NexGenSandboxTenant tenant, string newToken)
    {
        lock (_gate)
        {
            var current = _snapshot;
            RequireUnused(current, newToken, nameof(newToken));
            var byToken = new Dictionary<string, NexGenSandboxTenant>(current.ByToken, StringComparer.Ordinal) { [newToken] = tenant };
            byToken.Remove(tenant.Token);
            tenant.Issue(newToken);
            Volatile.Write(ref _snapshot, current with { ByToken = byToken });
        }
    }

    private static void RequireUnused(Snapshot snapshot, string token, string parameterName)
    {
        if (snapshot.ByToken.ContainsKey(token))
        {
            throw new ArgumentException("A tenant already has this token; every tenant needs its own.", parameterName);
        }
    }

    // Never changed once published: a new snapshot replaces it.
    private sealed record Snapshot(IReadOnlyList<NexGenSandboxTenant> Tenants, Dictionary<string, NexGenSandboxTenant> ByToken);
}
