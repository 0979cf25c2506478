using System.Net.Http.Headers;
using Dentally.NexGen.Client.Testing.State;

namespace Dentally.NexGen.Client.Testing;

/// <summary>
/// One organisation and practice a <see cref="NexGenSandbox"/> serves, with the bearer token issued for
/// it. Its token is answered 403 on another organisation's path (<c>/api/v1/{org_id}</c>) and with
/// another practice's <c>X-Practice-Id</c>; its requests are served from its organisation's data, which
/// the tenants of one organisation (its practices) share. The data hooks here read and change that
/// organisation's data; like the sandbox's, they are safe while requests are in flight.
/// </summary>
/// <example>
/// <code>
/// var north = sandbox.AddTenant("org_north", "practice_1", "tok_north_1");
/// var client = new NexGenClient(north.CreateOptions());
/// var sites = await client.Sites.ListAsync(); // Main Street Dental (north.Seed.MainStreetDental) and Harbour View Dental
/// </code>
/// </example>
public sealed partial class NexGenSandboxTenant
{
    private readonly NexGenSandbox _sandbox;
    private readonly TenantRegistry _registry;
    private volatile string _token;

    internal NexGenSandboxTenant(NexGenSandbox sandbox, TenantRegistry registry, SandboxState state, string practiceId, string token)
    {
        _sandbox = sandbox;
        _registry = registry;
        State = state;
        PracticeId = practiceId;
        _token = token;
    }

    /// <summary>The organisation (<c>/api/v1/{org_id}</c>).</summary>
    public string OrganizationId => State.OrganizationId;

    /// <summary>The practice (<c>X-Practice-Id</c>).</summary>
    public string PracticeId { get; }

    /// <summary>The bearer token issued for this organisation and practice, and for nothing else (the current one, after <see cref="RotateToken"/>).</summary>
    public string Token => _token;

    /// <summary>
    /// The UUIDs of the guide's data in this tenant's organisation: the spec's (<see cref="SandboxSeed"/>)
    /// in the default organisation, the organisation's own elsewhere. Present only when the organisation
    /// was seeded (the <c>seedGuideData</c> of <see cref="NexGenSandbox.AddTenant"/>).
    /// </summary>
    public SandboxSeedIds Seed => State.SeedIds;

    /// <summary>The organisation's data, shared with the organisation's other tenants.</summary>
    internal SandboxState State { get; }

    /// <summary>
    /// Issues a new bearer token for this tenant, as an identity server does when a token expires or is
    /// revoked: from now on the old token is answered 401 and <see cref="Token"/> is the new one, for
    /// testing how a client refreshes one tenant's token while the others' keep working. Data, other
    /// tenants and <see cref="NexGenSandbox.Reset"/> leave it as it is. Safe while requests are in flight.
    /// </summary>
    /// <param name="newToken">The new token: non-empty, without white space, no tenant's yet.</param>
    /// <exception cref="ArgumentException">The token is empty, has white space, or is a tenant's already.</exception>
    public void RotateToken(string newToken)
    {
        TenantRules.RequireToken(newToken, nameof(newToken), nameof(newToken));
        _registry.Rotate(this, newToken);
    }

    /// <summary>Sets the token; only the registry calls it, under its lock, so that the tenant and its lookup agree.</summary>
    internal void Issue(string token) => _token = token;

    /// <summary>Options for a <see cref="NexGenClient"/> that talks to this tenant: base address, organisation, practice and token set; everything else default.</summary>
    /// <returns>New options, free to change.</returns>
    public NexGenClientOptions CreateOptions()
    {
        var options = new NexGenClientOptions();
        ConfigureClient(options);
        return options;
    }

    /// <summary>
    /// Points a <see cref="NexGenClient"/>'s options at this tenant (base address, organisation, practice
    /// and token), in one call: <c>services.AddNexGenClient(tenant.ConfigureClient)</c>.
    /// </summary>
    /// <param name="options">The options to set.</param>
    public void ConfigureClient(NexGenClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = _sandbox.BaseAddress;
        options.OrganizationId = OrganizationId;
        options.PracticeId = PracticeId;
        options.Token = Token;
    }

    /// <summary>
    /// This tenant's settings as configuration values under <paramref name="section"/> (default <c>NexGen</c>),
    /// for an app that calls <c>AddNexGenClient(configuration.GetSection("NexGen"))</c>.
    /// </summary>
    /// <param name="section">The configuration section the app binds.</param>
    /// <returns>The keys <c>{section}:BaseAddress</c>, <c>:OrganizationId</c>, <c>:PracticeId</c> and <c>:Token</c> with their values.</returns>
    public IReadOnlyDictionary<string, string?> ToConfiguration(string section = "NexGen")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        return new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [section + ":" + nameof(NexGenClientOptions.BaseAddress)] = _sandbox.BaseAddress.ToString(),
            [section + ":" + nameof(NexGenClientOptions.OrganizationId)] = OrganizationId,
            [section + ":" + nameof(NexGenClientOptions.PracticeId)] = PracticeId,
            [section + ":" + nameof(NexGenClientOptions.Token)] = Token,
        };
    }

    /// <summary>A plain <see cref="HttpClient"/> for raw calls as this tenant: base address set, and its bearer token and <c>X-Practice-Id</c> sent by default.</summary>
    /// <returns>A new client; the caller disposes it.</returns>
    public HttpClient CreateHttpClient()
    {
        var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        http.DefaultRequestHeaders.Add("X-Practice-Id", PracticeId);
        return http;
    }

    /// <summary>The organisation and practice, e.g. <c>org_7f3c2a9e/practice_42</c> (never the token).</summary>
    /// <returns>The text.</returns>
    public override string ToString() => OrganizationId + "/" + PracticeId;
}
