using Dentally.NexGen.Client.Testing.Faults;
using Dentally.NexGen.Client.Testing.Hosting;
using Dentally.NexGen.Client.Testing.Idempotency;
using Dentally.NexGen.Client.Testing.State;
using Microsoft.Extensions.DependencyInjection;

namespace Dentally.NexGen.Client.Testing;

/// <summary>
/// A stateful, in-process fake of the whole NexGen API on a free loopback port: the contract's 14
/// operations with authentication, practice and organisation scoping, paging, validation, availability
/// from opening hours minus bookings, slot conflicts with suggestions, idempotency keys and the
/// appointment lifecycle — seeded with the spec's examples. Test hooks seed data, pre-book slots,
/// inject faults and read back what was received. It serves one organisation, practice and token (the
/// <see cref="DefaultTenant"/>, which its own properties and hooks describe) and as many more as a test
/// adds (<see cref="AddTenant"/>), each organisation with data of its own.
/// </summary>
/// <example>
/// <code>
/// await using var sandbox = NexGenSandbox.Start();
/// var client = new NexGenClient(sandbox.CreateOptions());
/// var page = await client.Patients.SearchAsync("Smith");
/// </code>
/// </example>
public sealed partial class NexGenSandbox : IDisposable, IAsyncDisposable
{
    private readonly NexGenSandboxOptions _options;
    private readonly TenantRegistry _tenants = new();
    private readonly FaultRegistry _faults = new();
    private readonly RequestJournal _journal = new();
    private readonly SandboxLifetime _lifetime = new();
    private readonly IdempotencyStore _idempotency;
    private SandboxHost? _host;
    private int _disposed;

    private NexGenSandbox(NexGenSandboxOptions options)
    {
        _options = options;
        DefaultTenant = Add(options.OrganizationId, options.PracticeId, options.Token, SandboxSeedIds.Spec, options.SeedGuideData);
        _idempotency = new IdempotencyStore(options.TimeProvider);
    }

    /// <summary>The sandbox's address, e.g. <c>http://127.0.0.1:49152</c>.</summary>
    public Uri BaseAddress => _host?.BaseAddress ?? throw new InvalidOperationException("The sandbox has not started.");

    /// <summary>The default tenant's organisation (<see cref="NexGenSandboxOptions.OrganizationId"/>).</summary>
    public string OrganizationId => DefaultTenant.OrganizationId;

    /// <summary>The default tenant's practice (<see cref="NexGenSandboxOptions.PracticeId"/>).</summary>
    public string PracticeId => DefaultTenant.PracticeId;

    /// <summary>The default tenant's bearer token: <see cref="NexGenSandboxOptions.Token"/>, or the one it was given by <see cref="NexGenSandboxTenant.RotateToken"/>.</summary>
    public string Token => DefaultTenant.Token;

    /// <summary>Starts a sandbox on a free loopback port (or <see cref="NexGenSandboxOptions.Port"/>).</summary>
    /// <param name="options">The set-up; <see langword="null"/> for the defaults (the spec's organisation, practice and data).</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    public static NexGenSandbox Start(NexGenSandboxOptions? options = null)
    {
        var validated = (options ?? new NexGenSandboxOptions()).Validated();

        // Off the caller's synchronization context, so that blocking on the start cannot deadlock it.
        return Task.Run(() => StartValidatedAsync(validated, CancellationToken.None)).GetAwaiter().GetResult();
    }

    /// <summary>Starts a sandbox on a free loopback port (or <see cref="NexGenSandboxOptions.Port"/>) without blocking the caller while the server starts.</summary>
    /// <param name="options">The set-up; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels waiting for the start.</param>
    /// <returns>The running sandbox; dispose it to stop it.</returns>
    public static Task<NexGenSandbox> StartAsync(NexGenSandboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        var validated = (options ?? new NexGenSandboxOptions()).Validated();
        return StartValidatedAsync(validated, cancellationToken);
    }

    /// <summary>Options for a <see cref="NexGenClient"/> that talks to this sandbox as its default tenant: base address, organisation, practice and token set; everything else default.</summary>
    /// <returns>New options, free to change.</returns>
    public NexGenClientOptions CreateOptions() => DefaultTenant.CreateOptions();

    /// <summary>
    /// Points a <see cref="NexGenClient"/>'s options at this sandbox's default tenant (base address, organisation, practice
    /// and token), in one call: <c>services.AddNexGenClient(sandbox.ConfigureClient)</c>, or, over an
    /// app's own registration, <c>services.Configure&lt;NexGenClientOptions&gt;(sandbox.ConfigureClient)</c>.
    /// </summary>
    /// <param name="options">The options to set.</param>
    public void ConfigureClient(NexGenClientOptions options) => DefaultTenant.ConfigureClient(options);

    /// <summary>
    /// The default tenant's settings as configuration values under <paramref name="section"/> (default <c>NexGen</c>),
    /// for an app that calls <c>AddNexGenClient(configuration.GetSection("NexGen"))</c>:
    /// <c>configuration.AddInMemoryCollection(sandbox.ToConfiguration())</c>.
    /// </summary>
    /// <param name="section">The configuration section the app binds.</param>
    /// <returns>The keys <c>{section}:BaseAddress</c>, <c>:OrganizationId</c>, <c>:PracticeId</c> and <c>:Token</c> with their values.</returns>
    public IReadOnlyDictionary<string, string?> ToConfiguration(string section = "NexGen") => DefaultTenant.ToConfiguration(section);

    /// <summary>A plain <see cref="HttpClient"/> for raw calls as the default tenant: base address set, and the bearer token and <c>X-Practice-Id</c> sent by default.</summary>
    /// <returns>A new client; the caller disposes it.</returns>
    public HttpClient CreateHttpClient() => DefaultTenant.CreateHttpClient();

    /// <summary>
    /// Back to the start, in every organisation: seed data only (where the organisation is seeded), no
    /// appointments, idempotency keys, faults or received requests. The tenants stay.
    /// </summary>
    public void Reset()
    {
        foreach (var organisation in _tenants.Organisations)
        {
            lock (organisation.Gate)
            {
                organisation.Restore();
            }
        }

        _idempotency.Clear();
        _faults.Clear();
        _journal.Clear();
    }

    /// <summary>
    /// Forgets every stored idempotency key, as a server does once its 24-hour window has passed or when
    /// it loses its key store: a POST sent again with a known key then runs again instead of replaying.
    /// Data is kept.
    /// </summary>
    public void ForgetIdempotencyKeys() => _idempotency.Clear();

    /// <summary>Stops the server: requests in flight are dropped, held ones at once.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>Stops the server: requests in flight are dropped, held ones at once.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _lifetime.Close();
        _faults.Clear();
        if (_host is not null)
        {
            await _host.DisposeAsync().ConfigureAwait(false);
        }

        _lifetime.Dispose();
    }

    private static async Task<NexGenSandbox> StartValidatedAsync(NexGenSandboxOptions options, CancellationToken cancellationToken)
    {
        var sandbox = new NexGenSandbox(options);
        sandbox._host = await SandboxHost.StartAsync(options.Port, sandbox.Register, cancellationToken).ConfigureAwait(false);
        return sandbox;
    }

    // The state the rules work on, for their constructors.
    private void Register(IServiceCollection services)
        => services
            .AddSingleton(_options)
            .AddSingleton(_tenants)
            .AddSingleton(_faults)
            .AddSingleton(_journal)
            .AddSingleton(_idempotency)
            .AddSingleton(_lifetime);
}
