namespace Dentally.NexGen.Client.Testing.State;

/// <summary>
/// The tenants a sandbox serves, by token, and the organisations whose data they share. Adding is
/// rare and locked; the lookup every request makes reads an immutable snapshot without a lock.
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
            if (current.ByToken.ContainsKey(token))
            {
                throw new ArgumentException("Another tenant already has this token; every tenant needs its own.", nameof(token));
            }

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

    private sealed record Snapshot(IReadOnlyList<NexGenSandboxTenant> Tenants, IReadOnlyDictionary<string, NexGenSandboxTenant> ByToken);
}
