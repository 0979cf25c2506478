using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>Adding tenants: validation, the default tenant, seeded ids, Reset and adding while requests run.</summary>
public sealed class TenantSetupTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public void The_default_tenant_is_the_options_and_comes_first()
    {
        var added = _sandbox.AddTenant("org_north", "practice_1", "tok_north_1");

        var tenant = _sandbox.DefaultTenant;

        Assert.Equal((SandboxSeed.OrganizationId, SandboxSeed.PracticeId, SandboxSeed.Token), (tenant.OrganizationId, tenant.PracticeId, tenant.Token));
        Assert.Equal([tenant, added], _sandbox.Tenants);
        Assert.Equal(SandboxSeed.MainStreetDental, tenant.Seed.MainStreetDental);
        Assert.Equal("org_north/practice_1", added.ToString());
    }

    [Theory]
    [InlineData("", "practice_1", "tok_1", "organizationId")]
    [InlineData(" org_north", "practice_1", "tok_1", "organizationId")]
    [InlineData("org_north", "   ", "tok_1", "practiceId")]
    [InlineData("org_north", "practice_1 ", "tok_1", "practiceId")]
    [InlineData("org_north", "practice_1", "", "token")]
    [InlineData("org_north", "practice_1", "tok 1", "token")]
    [InlineData("org_north", "practice_1", SandboxSeed.Token, "token")]
    [InlineData(SandboxSeed.OrganizationId, SandboxSeed.PracticeId, "tok_1", "practiceId")]
    public void AddTenant_refuses_bad_ids_a_token_in_use_and_a_practice_twice(string organizationId, string practiceId, string token, string parameter)
    {
        var error = Assert.Throws<ArgumentException>(() => _sandbox.AddTenant(organizationId, practiceId, token));

        Assert.Equal(parameter, error.ParamName);
        Assert.Single(_sandbox.Tenants);
    }

    [Fact]
    public void The_same_practice_id_may_be_used_by_two_organisations()
    {
        _sandbox.AddTenant("org_north", SandboxSeed.PracticeId, "tok_north");

        Assert.Equal(2, _sandbox.Tenants.Count);
    }

    [Fact]
    public async Task Seeded_ids_are_deterministic_per_organisation_and_differ_between_organisations()
    {
        await using var other = NexGenSandbox.Start();

        var north = _sandbox.AddTenant("org_north", "practice_1", "tok_north");
        var northAgain = other.AddTenant("org_north", "practice_9", "tok_other");
        var south = _sandbox.AddTenant("org_south", "practice_1", "tok_south");

        Assert.Equal(Ids(north.Seed), Ids(northAgain.Seed));
        Assert.Empty(Ids(north.Seed).Intersect(Ids(_sandbox.DefaultTenant.Seed)));
        Assert.Empty(Ids(north.Seed).Intersect(Ids(south.Seed)));
        Assert.Equal(9, Ids(north.Seed).Distinct().Count());
        Assert.All(Ids(north.Seed), id => Assert.Equal(8, id.ToByteArray()[7] >> 4)); // RFC 9562 version 8 (Guid.Version is .NET 9+)
    }

    [Fact]
    public async Task A_new_organisation_without_guide_data_is_empty()
    {
        var empty = _sandbox.AddTenant("org_empty", "practice_1", "tok_empty", seedGuideData: false);

        var sites = await Sandboxes.Client(empty).Sites.ListAsync();

        Assert.Equal(0, sites.Total);
        Assert.Empty(empty.GetPatients());
        var site = empty.SeedSite(WithoutUuid(await Sandboxes.Client(_sandbox).Sites.GetAsync(SandboxSeed.MainStreetDental)));
        Assert.Equal(site.Uuid, Assert.Single((await Sandboxes.Client(empty).Sites.ListAsync()).Items).Uuid);
        _sandbox.Reset();
        Assert.Equal(0, (await Sandboxes.Client(empty).Sites.ListAsync()).Total);
    }

    [Fact]
    public async Task Reset_keeps_every_tenant_and_reseeds_every_organisation()
    {
        var north = _sandbox.AddTenant("org_north", "practice_1", "tok_north");
        var client = Sandboxes.Client(north);
        await client.Appointments.CreateAsync(Bodies.Appointment(north.Seed));
        north.SeedPatient(new Patient { FirstName = "Grace", LastName = "Hopper", DateOfBirth = new DateTime(1906, 12, 9) });
        _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(9));

        _sandbox.Reset();

        Assert.Equal([_sandbox.DefaultTenant, north], _sandbox.Tenants);
        Assert.Empty(north.GetAppointments());
        Assert.Empty(_sandbox.GetAppointments());
        Assert.Equal([north.Seed.JaneSmith, north.Seed.JonathanSmith], north.GetPatients().Select(p => p.Uuid));
        await client.Appointments.CreateAsync(Bodies.Appointment(north.Seed));
    }

    [Fact]
    public async Task A_rotated_token_is_a_401_and_the_new_one_reaches_the_same_tenant()
    {
        var north = _sandbox.AddTenant("org_north", "practice_1", "tok_north_old");
        var south = _sandbox.AddTenant("org_south", "practice_1", "tok_south");
        using var old = north.CreateHttpClient();

        north.RotateToken("tok_north_new");
        using var renewed = north.CreateHttpClient();

        await Raw.ProblemAsync(await Raw.GetAsync(old, "/api/v1/org_north/providers"), 401, "unauthorized");
        Assert.Equal(200, (int)(await Raw.GetAsync(renewed, "/api/v1/org_north/providers")).StatusCode);
        Assert.Equal("tok_north_new", north.Token);
        Assert.Equal("tok_north_new", north.CreateOptions().Token);
        Assert.Equal([null, north], _sandbox.ReceivedRequests.Select(r => r.Tenant));
        await Sandboxes.Client(south).Providers.ListAsync();
        _sandbox.AddTenant("org_east", "practice_1", "tok_north_old");
    }

    [Theory]
    [InlineData("")]
    [InlineData("tok new")]
    [InlineData(SandboxSeed.Token)]
    [InlineData("tok_north")]
    public void A_token_is_rotated_only_to_one_no_tenant_has(string newToken)
    {
        var north = _sandbox.AddTenant("org_north", "practice_1", "tok_north");

        var error = Assert.Throws<ArgumentException>(() => north.RotateToken(newToken));

        Assert.Equal("newToken", error.ParamName);
        Assert.Equal("tok_north", north.Token);
    }

    [Fact]
    public void A_tenants_client_settings_name_its_organisation_practice_and_token()
    {
        var north = _sandbox.AddTenant("org_north", "practice_1", "tok_north");
        var options = new NexGenClientOptions();

        north.ConfigureClient(options);

        Assert.Equal((_sandbox.BaseAddress, "org_north", "practice_1", "tok_north"), (options.BaseAddress, options.OrganizationId, options.PracticeId, options.Token));
        Assert.Equal("org_north", north.CreateOptions().OrganizationId);
        Assert.Equal("practice_1", north.ToConfiguration("Partner")["Partner:PracticeId"]);
        Assert.Equal(SandboxSeed.Token, _sandbox.ToConfiguration()["NexGen:Token"]);
    }

    [Fact]
    public async Task Tenants_can_be_added_while_requests_are_running()
    {
        var home = Sandboxes.Client(_sandbox);
        using var stop = new CancellationTokenSource();
        var traffic = Task.Run(async () =>
        {
            var calls = 0;
            while (!stop.IsCancellationRequested || calls == 0)
            {
                await home.Providers.ListAsync();
                calls++;
            }
        });

        var added = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => _sandbox.AddTenant($"org_{i % 4}", $"practice_{i}", $"tok_{i}"))));
        var served = await Task.WhenAll(added.Select(t => Sandboxes.Client(t).Patients.GetAsync(t.Seed.JaneSmith)));
        await stop.CancelAsync();
        await traffic;

        Assert.Equal(21, _sandbox.Tenants.Count);
        Assert.All(served, p => Assert.Equal("Jane", p.FirstName));
        Assert.Equal(4, added.Select(t => t.Seed).Distinct().Count());
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();

    private static Guid[] Ids(SandboxSeedIds ids) =>
    [
        ids.MainStreetDental, ids.HarbourViewDental, ids.JaneSmith, ids.JonathanSmith, ids.MichaelChen,
        ids.PriyaNatarajan, ids.NewPatientExam, ids.HygieneCleaning, ids.EmergencyVisit,
    ];

    private static Site WithoutUuid(Site site)
    {
        site.Uuid = Guid.Empty;
        return site;
    }
}
