using System.Collections.Concurrent;
using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;
using Xunit.Abstractions;

namespace Dentally.NexGen.Client.Tests.ManyPractices;

/// <summary><see cref="NexGenClient.ForPractice"/>: one client, one pipeline, one connection pool, any number of tenants.</summary>
public sealed class PracticeScopeTests : IDisposable
{
    private readonly ConcurrentQueue<NexGenTokenRequest> _tokenRequests = new();
    private readonly SdkHarness _harness;
    private readonly ITestOutputHelper _output;

    public PracticeScopeTests(ITestOutputHelper output)
    {
        _output = output;
        _harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.FromDelegate((request, _) =>
            {
                _tokenRequests.Enqueue(request);
                return new ValueTask<string>($"tok_{request.OrganizationId}_{request.PracticeId}");
            });
        });
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, Bodies.EmptyProviders));
    }

    [Fact]
    public async Task Each_scope_sends_its_own_organisation_practice_and_tenant_token()
    {
        var client = _harness.Client;
        var clinicA = client.ForPractice("org_a", "practice_1");
        var clinicB = client.ForPractice("org_b", "practice_2");

        await clinicA.Providers.ListAsync();
        await clinicB.Providers.ListAsync();
        await client.Providers.ListAsync();

        var sent = _harness.Requests.Select(r => (r.Path, Practice: r.Headers!["X-Practice-Id"].Single(), Auth: r.Headers["Authorization"].Single())).ToList();
        Assert.Equal(
            new[]
            {
                ("/api/v1/org_a/providers", "practice_1", "Bearer tok_org_a_practice_1"),
                ("/api/v1/org_b/providers", "practice_2", "Bearer tok_org_b_practice_2"),
                ($"/api/v1/{SdkHarness.Org}/providers", SdkHarness.Practice, $"Bearer tok_{SdkHarness.Org}_{SdkHarness.Practice}"),
            },
            sent);
        Assert.Equal(
            new[] { new NexGenTokenRequest("org_a", "practice_1"), new NexGenTokenRequest("org_b", "practice_2"), new NexGenTokenRequest(SdkHarness.Org, SdkHarness.Practice) },
            _tokenRequests);
        Assert.Equal(("org_a", "practice_1"), (clinicA.OrganizationId, clinicA.PracticeId));
        Assert.Same(client.Options, clinicA.Options);
    }

    [Fact]
    public async Task A_raw_call_is_authenticated_for_the_tenant_it_names_and_its_scope_fills_in_the_rest()
    {
        _harness.Server.Given(Request.Create().UsingGet().WithPath("/v2/sites")).AtPriority(-1)
            .RespondWith(SdkHarness.Json(200, """{"items":[],"page":1,"page_size":20,"total":0}"""));
        var partner = _harness.Client.ForPractice("org_a", "practice_1");

        await partner.Raw.Providers.ListProvidersAsync("org_a", "practice_1");
        await partner.Raw.Providers.ListProvidersAsync("org_b", "practice_2");
        await partner.Raw.Sites.ListSitesAsync("practice_3");

        Assert.Equal(
            new[] { new NexGenTokenRequest("org_a", "practice_1"), new NexGenTokenRequest("org_b", "practice_2"), new NexGenTokenRequest("org_a", "practice_3") },
            _tokenRequests);
        Assert.Equal(new[] { "Bearer tok_org_a_practice_1", "Bearer tok_org_b_practice_2", "Bearer tok_org_a_practice_3" }, _harness.Requests.Select(r => r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task A_partner_client_names_no_tenant_and_refuses_a_call_before_any_request()
    {
        _harness.Options.OrganizationId = null;
        _harness.Options.PracticeId = null;
        Assert.Empty(_harness.Options.Validate());
        var client = _harness.Client;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Providers.ListAsync());
        var booking = await Assert.ThrowsAsync<InvalidOperationException>(() => new BookingWorkflow(client).BookAsync(new BookingRequest
        {
            PatientUuid = Guid.NewGuid(),
            ProviderUuid = Guid.NewGuid(),
            AppointmentTypeUuid = Guid.NewGuid(),
            LocationUuid = Guid.NewGuid(),
            Start = new DateTime(2026, 3, 10, 9, 0, 0),
        }));

        Assert.Contains("client.ForPractice(organizationId, practiceId)", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, booking.Message);
        // A workflow resolved from DI has no client in sight: the message names its own ForPractice.
        Assert.Contains("workflow.ForPractice(organizationId, practiceId)", booking.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Requests);
        Assert.Null(client.OrganizationId);

        await client.ForPractice("org_a", "practice_1").Providers.ListAsync();
        await client.Raw.Providers.ListProvidersAsync("org_b", "practice_2");
        Assert.Equal(new[] { "/api/v1/org_a/providers", "/api/v1/org_b/providers" }, _harness.Requests.Select(r => r.Path));
        Assert.Equal("Bearer tok_org_b_practice_2", _harness.Requests[1].Headers!["Authorization"].Single());
    }

    [Theory]
    [InlineData("OrganizationId")]
    [InlineData("PracticeId")]
    public void Options_name_both_organisation_and_practice_or_neither(string missing)
    {
        var options = SdkHarness.NewOptions("https://api.example.com");
        if (missing == "OrganizationId")
        {
            options.OrganizationId = null;
        }
        else
        {
            options.PracticeId = null;
        }

        Assert.Equal($"NexGenClientOptions.{missing} is required (set OrganizationId and PracticeId together, or neither and use ForPractice).", Assert.Single(options.Validate()));
    }

    [Theory]
    [InlineData("", "practice_1", "organizationId")]
    [InlineData(" org_a", "practice_1", "organizationId")]
    [InlineData("org_a", "practice_1\n", "practiceId")]
    [InlineData("org_a", "   ", "practiceId")]
    public void ForPractice_refuses_an_empty_or_padded_id(string organizationId, string practiceId, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => _harness.Client.ForPractice(organizationId, practiceId));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public async Task Scopes_of_one_practice_share_its_cached_appointment_types_and_each_other_practice_fetches_its_own()
    {
        var cache = new AppointmentTypeCache();
        var client = _harness.Client;

        var first = await cache.GetAsync(client.ForPractice("org_a", "practice_1"));
        var samePractice = await cache.GetAsync(client.ForPractice("org_a", "practice_1"));
        var otherPractice = await cache.GetAsync(client.ForPractice("org_a", "practice_2"));
        var otherOrganisation = await cache.GetAsync(client.ForPractice("org_b", "practice_1"));

        // A fetch is made with one practice's token and X-Practice-Id: it answers that practice alone.
        Assert.Equal(new[] { false, true, false, false }, new[] { first.FromCache, samePractice.FromCache, otherPractice.FromCache, otherOrganisation.FromCache });
        Assert.Equal(new[] { "/api/v1/org_a/appointment-types", "/api/v1/org_a/appointment-types", "/api/v1/org_b/appointment-types" }, _harness.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Practices_no_longer_served_leave_no_appointment_types_behind()
    {
        var clock = new TestClock();
        var cache = new AppointmentTypeCache(TimeSpan.FromMinutes(10), clock);
        var client = _harness.Client;
        await cache.GetAsync(client.ForPractice("org_a", "practice_1"));
        await cache.GetAsync(client.ForPractice("org_a", "practice_2"));

        // Both lists are past their time; practice_3's fetch drops them, though nobody asked for them again.
        clock.Advance(TimeSpan.FromMinutes(11));
        await cache.GetAsync(client.ForPractice("org_a", "practice_3"));

        Assert.Equal(1, cache.TenantCount); // before, 3: one list per practice ever served, for the life of the app
    }

    [Fact]
    public async Task Ten_thousand_scopes_cost_only_their_small_objects_and_share_one_connection()
    {
        using var server = new ConnectionCountingServer(Bodies.EmptyProviders);
        var options = SdkHarness.NewOptions(server.Url.ToString());
        var client = new NexGenClient(options, new SocketsHttpHandler());
        await client.Providers.ListAsync();
        var ids = Enumerable.Range(0, 10_000).Select(i => ("org_" + (i % 100), "practice_" + i)).ToArray();

        var scopes = new NexGenClient[ids.Length];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < ids.Length; i++)
        {
            scopes[i] = client.ForPractice(ids[i].Item1, ids[i].Item2);
        }

        var bytesPerScope = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)ids.Length;
        _output.WriteLine($"{bytesPerScope:F0} bytes per scope");
        for (var i = 0; i < 200; i++)
        {
            await scopes[i * 50].Providers.ListAsync();
        }

        // A scope is two small objects (the client facade and its tenant); no handler, no pool.
        Assert.InRange(bytesPerScope, 1, 256);
        Assert.Equal(201, server.Requests);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task Plain_clients_share_the_process_connection_pool_unless_given_a_transport()
    {
        using var server = new ConnectionCountingServer(Bodies.EmptyProviders);
        var first = SdkHarness.NewOptions(server.Url.ToString());
        var second = SdkHarness.NewOptions(server.Url.ToString());
        second.Token = "tok_another_partner_credential";
        second.OrganizationId = "org_b";

        await new NexGenClient(first).Providers.ListAsync();
        await new NexGenClient(second).Providers.ListAsync();
        await new NexGenClient(first).ForPractice("org_c", "practice_9").Providers.ListAsync();
        Assert.Equal(1, server.Connections);

        using var own = new SocketsHttpHandler();
        await new NexGenClient(first, own).Providers.ListAsync();
        Assert.Equal(2, server.Connections);
        Assert.Equal(4, server.Requests);
    }

    public void Dispose() => _harness.Dispose();
}
