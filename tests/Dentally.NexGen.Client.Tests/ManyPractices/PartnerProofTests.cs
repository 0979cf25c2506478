using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Client.Tests.ManyPractices;

/// <summary>
/// The partner's case end to end, against the stateful sandbox holding two organisations: one client,
/// one connection pool, one token provider, many concurrent bookings, each kept to its own tenant.
/// </summary>
public sealed class PartnerProofTests : IAsyncLifetime
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(1);
    private readonly TestClock _sandboxClock = new();
    private NexGenSandbox _sandbox = null!;
    private NexGenSandboxTenant _north = null!;
    private NexGenSandboxTenant _south = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { TimeProvider = _sandboxClock });
        // Organisations of this test alone, so the process-wide metrics listener can tell its bookings apart.
        _north = _sandbox.AddTenant("org_proof_north", "practice_n", "tok_proof_north");
        _south = _sandbox.AddTenant("org_proof_south", "practice_s", "tok_proof_south");
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Two_tenants_times_50_concurrent_bookings_through_one_client_stay_in_their_tenant_over_one_connection_pool()
    {
        using var transport = new CountingTransport();
        var client = new NexGenClient(new NexGenClientOptions { BaseAddress = _sandbox.BaseAddress, TokenProvider = _sandbox.TokenProvider }, transport);
        var bookings = new BookingWorkflow(client);
        var booked = new ConcurrentDictionary<string, long>();
        using var meters = BookingsByOrganisation(booked);
        var tenants = new[] { _north, _south };

        var results = await Task.WhenAll(
            from day in Enumerable.Range(0, 50)
            from tenant in tenants
            select BookAsync(bookings.ForPractice(tenant.OrganizationId, tenant.PracticeId), tenant, day));

        foreach (var tenant in tenants)
        {
            var mine = results.Where(r => r.Tenant == tenant).Select(r => r.Result.Appointment.Uuid).Order().ToList();
            Assert.Equal(50, mine.Count);
            Assert.Equal(mine, tenant.GetAppointments().Select(a => a.Uuid).Order().ToList());
            Assert.Equal(50, booked.GetValueOrDefault(tenant.OrganizationId));
        }

        Assert.All(results, r => Assert.False(r.Result.Rebooked));
        var received = _sandbox.ReceivedRequests;
        Assert.All(received, r =>
        {
            // The token names the tenant (r.Tenant); the path and X-Practice-Id must name the same one.
            Assert.NotNull(r.Tenant);
            Assert.Equal(r.Tenant.OrganizationId, r.OrganizationId);
            Assert.Equal(r.Tenant.PracticeId, r.PracticeId);
        });
        Assert.Empty(_sandbox.GetAppointments());
        // Every request the sandbox saw went through the one transport the client was given.
        Assert.Equal(received.Count, transport.Sent);
    }

    [Fact]
    public async Task A_burst_of_20_concurrent_401s_for_one_tenant_triggers_one_refresh_and_the_other_tenant_is_untouched()
    {
        var acquired = new ConcurrentQueue<NexGenTokenRequest>();
        var client = new NexGenClient(new NexGenClientOptions
        {
            BaseAddress = _sandbox.BaseAddress,
            // The ready-made per-tenant cache over the sandbox's "identity provider".
            TokenProvider = NexGenTokenProviders.Cached(async (request, cancellationToken) =>
            {
                acquired.Enqueue(request);
                return new NexGenAccessToken(await _sandbox.TokenProvider.GetTokenAsync(request, cancellationToken), DateTimeOffset.MaxValue);
            }),
        }.OnTestClock());
        var north = client.ForPractice(_north.OrganizationId, _north.PracticeId);
        var south = client.ForPractice(_south.OrganizationId, _south.PracticeId);
        await north.Providers.ListAsync();
        await south.Providers.ListAsync();

        // The cached north token is revoked: every north request sent with it is refused, and the refusals
        // are held back until all twenty have arrived, so that they are refused together.
        _north.RotateToken("tok_proof_north_rotated");
        _sandbox.InjectFaultWhere(r => r.Tenant is null && r.OrganizationId == _north.OrganizationId, SandboxFault.Delay(Hold), times: 20);
        var calls = Task.WhenAll(
            Enumerable.Range(0, 20).Select(_ => north.Providers.ListAsync())
                .Concat(Enumerable.Range(0, 10).Select(_ => south.Providers.ListAsync())));
        await Waiting.UntilAsync(() => _sandboxClock.CountArmed(Hold) == 20, "the sandbox to hold the twenty refusals");
        _sandboxClock.Advance(Hold);
        await calls.WaitAsync(Waiting.Patience);

        Assert.Equal(
            new[]
            {
                new NexGenTokenRequest(_north.OrganizationId, _north.PracticeId),
                new NexGenTokenRequest(_south.OrganizationId, _south.PracticeId),
                new NexGenTokenRequest(_north.OrganizationId, _north.PracticeId, forceRefresh: true),
            },
            acquired);
        var received = _sandbox.ReceivedRequests;
        Assert.Equal(11, received.Count(r => r.Tenant == _south));
        Assert.Equal(21, received.Count(r => r.Tenant == _north));
        // The rest are the 20 refused: a token the sandbox no longer knows, on north's path.
        Assert.Equal(20, received.Count(r => r.Tenant is null && r.OrganizationId == _north.OrganizationId));
    }

    private static async Task<(NexGenSandboxTenant Tenant, BookingResult Result)> BookAsync(BookingWorkflow workflow, NexGenSandboxTenant tenant, int day)
        => (tenant, await workflow.BookAsync(new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = tenant.Seed.MainStreetDental,
            Start = new DateTime(2025, 5, 20, 10, 0, 0).AddDays(day),
            IdempotencyKey = $"{tenant.OrganizationId}-booking-{day}",
        }));

    private static MeterListener BookingsByOrganisation(ConcurrentDictionary<string, long> booked)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == NexGenDiagnostics.SourceName && instrument.Name == "nexgen.booking.bookings")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == NexGenDiagnostics.OrganizationIdTag && tag.Value is string organization)
                {
                    booked.AddOrUpdate(organization, value, (_, total) => total + value);
                }
            }
        });
        listener.Start();
        return listener;
    }

    /// <summary>A connection pool of its own that counts the requests sent through it.</summary>
    private sealed class CountingTransport() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _sent;

        public int Sent => Volatile.Read(ref _sent);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _sent);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
