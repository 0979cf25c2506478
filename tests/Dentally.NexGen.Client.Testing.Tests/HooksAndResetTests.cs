using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>The test hooks: seeding, pre-booking, forcing a status, snapshots and Reset.</summary>
public sealed class HooksAndResetTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public async Task Seeded_entities_get_a_uuid_are_copies_and_are_served()
    {
        var patient = new Patient { FirstName = "Grace", LastName = "Hopper", DateOfBirth = new DateTime(1906, 12, 9) };

        var stored = _sandbox.SeedPatient(patient);
        stored.FirstName = "Changed";
        patient.LastName = "Changed";
        var client = Sandboxes.Client(_sandbox);

        Assert.NotEqual(Guid.Empty, stored.Uuid);
        var fetched = await client.Patients.GetAsync(stored.Uuid);
        Assert.Equal(("Grace", "Hopper"), (fetched.FirstName, fetched.LastName));
    }

    [Fact]
    public async Task Seeding_an_existing_uuid_replaces_it_in_place()
    {
        _sandbox.SeedProvider(new Provider { Uuid = SandboxSeed.MichaelChen, FirstName = "Mike", LastName = "Chen", Title = "DMD" });
        var client = Sandboxes.Client(_sandbox);

        var providers = await client.Providers.ListAsync();

        Assert.Equal(2, providers.Total);
        Assert.Equal(("Mike", "DMD"), (providers.Items[0].FirstName, providers.Items[0].Title));
    }

    [Fact]
    public void Incomplete_or_invalid_seeds_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => _sandbox.SeedPatient(new Patient { LastName = "NoFirstName" }));
        Assert.Throws<ArgumentException>(() => _sandbox.SeedAppointmentType(new AppointmentType { Code = "Z", Name = "Zero", Color = "#000000", DurationMinutes = 0 }));
        Assert.Throws<ArgumentNullException>(() => _sandbox.SeedSite(null!));
        Assert.Throws<ArgumentException>(() => _sandbox.PreBook(Guid.NewGuid(), Bodies.At(10)));
        Assert.Throws<ArgumentException>(() => _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(10), Bodies.At(9)));
    }

    [Fact]
    public async Task PreBook_defaults_to_the_first_site_patient_and_type_and_is_visible_to_clients()
    {
        var booked = _sandbox.PreBook(SandboxSeed.PriyaNatarajan, Bodies.At(9), notes: "Seeded");
        var client = Sandboxes.Client(_sandbox);

        var fetched = await client.Appointments.GetAsync(booked.Uuid);

        Assert.Equal((SandboxSeed.MainStreetDental, SandboxSeed.JaneSmith, SandboxSeed.NewPatientExam), (fetched.Location.Uuid, fetched.Patient.Uuid, fetched.AppointmentType.Uuid));
        Assert.Equal((new DateTime(2025, 5, 20, 9, 0, 0), new DateTime(2025, 5, 20, 10, 0, 0), "Seeded"), (fetched.ScheduledStart, fetched.ScheduledEnd, fetched.Notes));
    }

    [Fact]
    public async Task PreBook_takes_any_kind_and_fraction_and_stores_the_whole_practice_local_second()
    {
        var booked = _sandbox.PreBook(SandboxSeed.PriyaNatarajan, DateTime.SpecifyKind(Bodies.At(9).AddMilliseconds(500), DateTimeKind.Utc));
        var client = Sandboxes.Client(_sandbox);

        var fetched = await client.Appointments.GetAsync(booked.Uuid);

        Assert.Equal((Bodies.At(9), Bodies.At(10)), (booked.ScheduledStart, booked.ScheduledEnd));
        Assert.Equal((Bodies.At(9), DateTimeKind.Unspecified), (fetched.ScheduledStart, fetched.ScheduledStart.Kind));
    }

    [Fact]
    public async Task Reset_goes_back_to_the_seed_data()
    {
        var client = Sandboxes.Client(_sandbox);
        await client.Appointments.CreateAsync(Bodies.Appointment(), idempotencyKey: "key-1");
        await client.Patients.CreateAsync(Bodies.Patient());
        _sandbox.SeedSite(new Site
        {
            Name = "Extra",
            Timezone = "UTC",
            Address = new Address { Line1 = "1", Town = "T", Postcode = "P", CountryCode = "GB" },
            Contact = new Contact { Phone = "+441", Email = "e@example.com" },
        });
        _sandbox.InjectFault("*", "*", SandboxFault.Status(500), times: 100);

        _sandbox.Reset();

        Assert.Empty(_sandbox.ReceivedRequests);
        Assert.Empty(_sandbox.GetAppointments());
        Assert.Equal(2, _sandbox.GetPatients().Count);
        Assert.Equal(2, (await client.Sites.ListAsync()).Total);
        var rebooked = await client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(13, 30)), idempotencyKey: "key-1");
        Assert.Equal(new DateTime(2025, 5, 20, 13, 30, 0), rebooked.ScheduledStart);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
