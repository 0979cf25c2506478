using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>Several organisations and practices in one sandbox: each token reaches only its own tenant, and each organisation has its own data.</summary>
public sealed class TenantTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();
    private readonly NexGenSandboxTenant _north;
    private readonly NexGenSandboxTenant _northSecond;
    private readonly NexGenSandboxTenant _south;

    public TenantTests()
    {
        _north = _sandbox.AddTenant("org_north", "practice_1", "tok_north_1");
        _northSecond = _sandbox.AddTenant("org_north", "practice_2", "tok_north_2");
        _south = _sandbox.AddTenant("org_south", "practice_1", "tok_south_1");
    }

    [Fact]
    public async Task Each_organisation_is_served_its_own_guide_data_under_its_own_ids()
    {
        var defaultSites = await Sandboxes.Client(_sandbox).Sites.ListAsync();
        var northSites = await Sandboxes.Client(_north).Sites.ListAsync();
        var southSites = await Sandboxes.Client(_south).Sites.ListAsync();

        Assert.Equal([SandboxSeed.MainStreetDental, SandboxSeed.HarbourViewDental], defaultSites.Items.Select(s => s.Uuid));
        Assert.Equal([_north.Seed.MainStreetDental, _north.Seed.HarbourViewDental], northSites.Items.Select(s => s.Uuid));
        Assert.Equal([_south.Seed.MainStreetDental, _south.Seed.HarbourViewDental], southSites.Items.Select(s => s.Uuid));
        Assert.All([defaultSites, northSites, southSites], page => Assert.Equal(["Main Street Dental", "Harbour View Dental"], page.Items.Select(s => s.Name)));
        Assert.Distinct(new[] { SandboxSeed.MainStreetDental, _north.Seed.MainStreetDental, _south.Seed.MainStreetDental });
    }

    [Fact]
    public async Task The_same_booking_code_books_in_every_organisation()
    {
        foreach (var tenant in new[] { _sandbox.DefaultTenant, _north, _south })
        {
            var result = await new BookingWorkflow(Sandboxes.Client(tenant)).BookAsync(new BookingRequest
            {
                PatientQuery = "Jane Smith",
                AppointmentTypeCode = "NPE",
                LocationUuid = tenant.Seed.MainStreetDental,
                Start = Bodies.At(10),
            });

            Assert.Equal(tenant.Seed.JaneSmith, result.Appointment.Patient.Uuid);
            Assert.Equal(result.Appointment.Uuid, Assert.Single(tenant.GetAppointments()).Uuid);
        }
    }

    [Fact]
    public async Task An_id_of_another_organisation_is_not_found()
    {
        var north = Sandboxes.Client(_north);

        await Assert.ThrowsAsync<NexGenNotFoundException>(() => north.Patients.GetAsync(SandboxSeed.JaneSmith));
        await Assert.ThrowsAsync<NexGenValidationException>(() => north.Appointments.CreateAsync(Bodies.Appointment()));
        Assert.Equal("Jane", (await north.Patients.GetAsync(_north.Seed.JaneSmith)).FirstName);
    }

    [Fact]
    public async Task Bookings_stay_in_their_organisation_and_the_same_slot_is_free_in_another()
    {
        var booked = await Sandboxes.Client(_north).Appointments.CreateAsync(Bodies.Appointment(_north.Seed));
        await Sandboxes.Client(_south).Appointments.CreateAsync(Bodies.Appointment(_south.Seed));
        await Sandboxes.Client(_sandbox).Appointments.CreateAsync(Bodies.Appointment(_sandbox.DefaultTenant.Seed));

        Assert.Equal(booked.Uuid, Assert.Single(_north.GetAppointments()).Uuid);
        Assert.Single(_south.GetAppointments());
        Assert.Single(_sandbox.GetAppointments());
        await Assert.ThrowsAsync<NexGenNotFoundException>(() => Sandboxes.Client(_south).Appointments.GetAsync(booked.Uuid));
    }

    [Fact]
    public async Task The_practices_of_one_organisation_share_its_data()
    {
        var first = Sandboxes.Client(_north);
        var second = Sandboxes.Client(_northSecond);
        var patient = await first.Patients.CreateAsync(Bodies.Patient());

        await first.Appointments.CreateAsync(Bodies.Appointment(_north.Seed));

        Assert.Equal("Ada", (await second.Patients.GetAsync(patient.Uuid)).FirstName);
        Assert.Single((await second.Appointments.ListAsync()).Items);
        Assert.Same(_north.Seed, _northSecond.Seed);
        Assert.Single(_northSecond.GetAppointments());
        await Assert.ThrowsAsync<NexGenSlotConflictException>(() => second.Appointments.CreateAsync(Bodies.Appointment(_north.Seed)));
    }

    [Fact]
    public async Task A_token_on_another_organisations_path_is_a_403()
    {
        using var north = _north.CreateHttpClient();
        using var home = _sandbox.CreateHttpClient();

        var problem = await Raw.ProblemAsync(await Raw.GetAsync(north, Raw.Org(_sandbox) + "/providers"), 403, "forbidden");
        await Raw.ProblemAsync(await Raw.GetAsync(home, "/api/v1/org_north/providers"), 403, "forbidden");
        await Raw.ProblemAsync(await Raw.GetAsync(north, "/api/v1/org_south/patients/" + _south.Seed.JaneSmith), 403, "forbidden");

        Assert.Contains(SandboxSeed.OrganizationId, (string?)problem["detail"], StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<NexGenForbiddenException>(() => Sandboxes.Client(_north, o => o.OrganizationId = "org_south").Providers.ListAsync());
        Assert.Equal(403, error.StatusCode);
        Assert.Empty(_south.GetAppointments());
    }

    [Fact]
    public async Task A_token_with_another_practices_X_Practice_Id_is_a_403_even_in_its_own_organisation()
    {
        using var http = _north.CreateHttpClient();
        http.DefaultRequestHeaders.Remove("X-Practice-Id");
        http.DefaultRequestHeaders.Add("X-Practice-Id", _northSecond.PracticeId);

        var problem = await Raw.ProblemAsync(await Raw.GetAsync(http, "/v2/sites"), 403, "forbidden");
        await Raw.ProblemAsync(await Raw.GetAsync(http, "/api/v1/org_north/patients"), 403, "forbidden");

        Assert.Contains("practice_2", (string?)problem["detail"], StringComparison.Ordinal);
        await Assert.ThrowsAsync<NexGenForbiddenException>(() => Sandboxes.Client(_south, o => o.PracticeId = "practice_2").Sites.ListAsync());
    }

    [Fact]
    public async Task Sites_still_need_X_Practice_Id_and_the_organisation_API_does_not()
    {
        using var http = _south.CreateHttpClient();
        http.DefaultRequestHeaders.Remove("X-Practice-Id");

        await Raw.ProblemAsync(await Raw.GetAsync(http, "/v2/sites"), 400, "malformed-request");
        Assert.Equal(200, (int)(await Raw.GetAsync(http, "/api/v1/org_south/appointment-types")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_a_401_whatever_it_names()
    {
        using var http = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", "tok_north_3");
        http.DefaultRequestHeaders.Add("X-Practice-Id", "practice_1");

        await Raw.ProblemAsync(await Raw.GetAsync(http, "/api/v1/org_north/patients"), 401, "unauthorized");
        await Raw.ProblemAsync(await Raw.GetAsync(http, "/v2/sites"), 401, "unauthorized");
    }

    [Fact]
    public async Task Idempotency_keys_are_shared_by_an_organisations_practices_and_separate_between_organisations()
    {
        using var first = _north.CreateHttpClient();
        using var second = _northSecond.CreateHttpClient();
        using var south = _south.CreateHttpClient();
        var northBody = Bodies.AppointmentJson(ids: _north.Seed);

        var created = await Raw.PostAsync(first, "/api/v1/org_north/appointments", northBody, idempotencyKey: "key-1");
        var replayed = await Raw.PostAsync(second, "/api/v1/org_north/appointments", northBody, idempotencyKey: "key-1");
        var elsewhere = await Raw.PostAsync(south, "/api/v1/org_south/appointments", Bodies.AppointmentJson(ids: _south.Seed), idempotencyKey: "key-1");

        Assert.Equal((201, 201, 201), ((int)created.StatusCode, (int)replayed.StatusCode, (int)elsewhere.StatusCode));
        Assert.Equal("true", replayed.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.False(elsewhere.Headers.Contains("Idempotent-Replayed"));
        Assert.Single(_north.GetAppointments());
        Assert.Single(_south.GetAppointments());
    }

    [Fact]
    public async Task Two_organisations_take_50_concurrent_bookings_each_and_keep_them_apart()
    {
        var clients = new[] { (Tenant: _north, Client: Sandboxes.Client(_north)), (Tenant: _south, Client: Sandboxes.Client(_south)) };

        var booked = await Task.WhenAll(
            from day in Enumerable.Range(0, 50)
            from pair in clients
            select pair.Client.Appointments.CreateAsync(Bodies.Appointment(pair.Tenant.Seed, Bodies.At(10).AddDays(day))));

        Assert.Equal(100, booked.Select(a => a.Uuid).Distinct().Count());
        Assert.All(clients, pair => Assert.Equal(50, pair.Tenant.GetAppointments().Count));
        Assert.All(_sandbox.ReceivedRequests, r => Assert.Equal((r.Tenant!.OrganizationId, r.Tenant.PracticeId), (r.OrganizationId, r.PracticeId)));
        Assert.Empty(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task Received_requests_name_their_organisation_practice_and_tenant()
    {
        using var north = _north.CreateHttpClient();
        await Raw.GetAsync(north, "/api/v1/org_north/providers");
        await Raw.GetAsync(north, "/api/v1/org_south/providers");
        await Raw.GetAsync(north, "/v2/sites");

        var requests = _sandbox.ReceivedRequests;

        Assert.Equal(["org_north", "org_south", null], requests.Select(r => r.OrganizationId));
        Assert.All(requests, r => Assert.Equal("practice_1", r.PracticeId));
        Assert.All(requests, r => Assert.Same(_north, r.Tenant));
        using var stranger = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        await Raw.GetAsync(stranger, "/v2/sites");
        Assert.Null(_sandbox.ReceivedRequests[^1].Tenant);
    }

    [Fact]
    public async Task A_fault_can_strike_one_tenant_only()
    {
        var fault = _sandbox.InjectFaultWhere(r => r.Tenant == _south, SandboxFault.Status(503), times: int.MaxValue);
        var north = Sandboxes.Client(_north, o => o.Retry.MaxRetries = 0);
        var south = Sandboxes.Client(_south, o => o.Retry.MaxRetries = 0);

        await north.Providers.ListAsync();
        await Assert.ThrowsAsync<NexGenServerException>(() => south.Providers.ListAsync());

        Assert.Equal(1, fault.Applied);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
