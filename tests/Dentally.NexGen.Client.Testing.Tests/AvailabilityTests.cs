using System.Globalization;
using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>
/// Availability: the site's opening hours (practice-local, lunch breaks, closed days) cut into slots of
/// the type's duration on a 15-minute grid from each opening time, minus the provider's bookings.
/// Runs under several TZ values in CI: nothing may depend on the machine's zone.
/// </summary>
[Trait("Category", "TimeZone")]
public sealed class AvailabilityTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public async Task Slots_follow_the_opening_hours_on_a_15_minute_grid_around_the_lunch_break()
    {
        var client = Sandboxes.Client(_sandbox);

        var availability = await ChenNewPatientExamsAsync(client);

        Assert.Equal("America/Los_Angeles", availability.Timezone);
        Assert.Equal(26, availability.Total);
        Assert.Equal(availability.Total, availability.Items.Count);
        Assert.Equal((new DateTime(2025, 5, 20, 8, 30, 0), new DateTime(2025, 5, 20, 9, 30, 0)), (availability.Items[0].ScheduledStart, availability.Items[0].ScheduledEnd));
        Assert.Equal((new DateTime(2025, 5, 20, 8, 45, 0), new DateTime(2025, 5, 20, 9, 45, 0)), (availability.Items[1].ScheduledStart, availability.Items[1].ScheduledEnd));
        Assert.Equal((new DateTime(2025, 5, 20, 11, 30, 0), new DateTime(2025, 5, 20, 12, 30, 0)), (availability.Items[12].ScheduledStart, availability.Items[12].ScheduledEnd));
        Assert.Equal((new DateTime(2025, 5, 20, 13, 30, 0), new DateTime(2025, 5, 20, 14, 30, 0)), (availability.Items[13].ScheduledStart, availability.Items[13].ScheduledEnd));
        Assert.Equal(new DateTime(2025, 5, 20, 17, 30, 0), availability.Items[^1].ScheduledEnd);
        Assert.All(availability.Items, s => Assert.True(s.ScheduledEnd <= Bodies.At(12, 30) || s.ScheduledStart >= Bodies.At(13, 30), $"{s.ScheduledStart:s}"));
        Assert.All(availability.Items, s => Assert.Equal((SandboxSeed.MichaelChen, SandboxSeed.MainStreetDental, TimeSpan.FromHours(1)), (s.ProviderUuid, s.LocationUuid, s.ScheduledEnd - s.ScheduledStart)));
        Assert.Equal(availability.Items.OrderBy(s => s.ScheduledStart).Select(s => s.ScheduledStart), availability.Items.Select(s => s.ScheduledStart));
    }

    [Fact]
    public async Task Bookings_are_subtracted_and_cancelling_gives_the_slots_back()
    {
        var client = Sandboxes.Client(_sandbox);
        var booked = await client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(10)));

        var starts = Starts(await ChenNewPatientExamsAsync(client));

        Assert.Contains("2025-05-20T09:00:00", starts);
        Assert.Contains("2025-05-20T11:00:00", starts);
        Assert.DoesNotContain("2025-05-20T09:15:00", starts);
        Assert.DoesNotContain("2025-05-20T10:00:00", starts);
        Assert.DoesNotContain("2025-05-20T10:45:00", starts);
        Assert.Equal(19, starts.Count);
        // The spec's Availability example lists these three of Michael Chen's free slots that day.
        Assert.Subset(starts.ToHashSet(), new HashSet<string> { "2025-05-20T08:30:00", "2025-05-20T11:00:00", "2025-05-20T13:30:00" });

        await client.Appointments.CancelAsync(booked.Uuid, "Patient called to cancel");

        Assert.Equal(26, (await ChenNewPatientExamsAsync(client)).Total);
    }

    [Fact]
    public async Task A_pre_booked_slot_is_not_offered()
    {
        _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(13, 30), Bodies.At(15));
        var client = Sandboxes.Client(_sandbox);

        var starts = Starts(await ChenNewPatientExamsAsync(client));

        Assert.DoesNotContain(starts, s => string.CompareOrdinal(s, "2025-05-20T12:45:00") > 0 && string.CompareOrdinal(s, "2025-05-20T15:00:00") < 0);
        Assert.Contains("2025-05-20T15:00:00", starts);
    }

    [Fact]
    public async Task A_booking_at_another_site_in_another_zone_blocks_the_same_instants()
    {
        // 17:00–18:00 in Bristol (BST, UTC+1) is 09:00–10:00 in San Francisco (PDT, UTC−7).
        _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(17), Bodies.At(18), locationUuid: SandboxSeed.HarbourViewDental);
        var client = Sandboxes.Client(_sandbox);

        var starts = Starts(await ChenNewPatientExamsAsync(client));

        Assert.Equal("2025-05-20T10:00:00", starts[0]);
        Assert.Equal(20, starts.Count);
    }

    [Fact]
    public async Task Without_a_provider_every_active_provider_at_the_site_is_offered_ordered_by_start()
    {
        _sandbox.SeedProvider(new Provider { FirstName = "Owen", LastName = "Elsewhere", Title = "BDS" }, locationUuids: [SandboxSeed.HarbourViewDental]);
        _sandbox.SeedProvider(new Provider { FirstName = "Rita", LastName = "Retired", Title = "DDS" }, isActive: false);
        var client = Sandboxes.Client(_sandbox);

        var availability = await client.Schedule.GetAvailabilityAsync(SandboxSeed.MainStreetDental, SandboxSeed.NewPatientExam, Bodies.At(8), Bodies.At(18));

        Assert.Equal(52, availability.Total);
        Assert.Equal([SandboxSeed.MichaelChen, SandboxSeed.PriyaNatarajan], availability.Items.Take(2).Select(s => s.ProviderUuid));
        Assert.Equal(availability.Items.OrderBy(s => s.ScheduledStart).Select(s => s.ScheduledStart), availability.Items.Select(s => s.ScheduledStart));
    }

    [Fact]
    public async Task An_inactive_provider_or_one_working_elsewhere_is_offered_nothing()
    {
        var retired = _sandbox.SeedProvider(new Provider { FirstName = "Rita", LastName = "Retired", Title = "DDS" }, isActive: false);
        var bristol = _sandbox.SeedProvider(new Provider { FirstName = "Owen", LastName = "Hughes", Title = "BDS" }, locationUuids: [SandboxSeed.HarbourViewDental]);
        var client = Sandboxes.Client(_sandbox);

        var inactive = await client.Schedule.GetAvailabilityAsync(SandboxSeed.MainStreetDental, SandboxSeed.NewPatientExam, Bodies.At(8), Bodies.At(18), retired.Uuid);
        var elsewhere = await client.Schedule.GetAvailabilityAsync(SandboxSeed.MainStreetDental, SandboxSeed.NewPatientExam, Bodies.At(8), Bodies.At(18), bristol.Uuid);

        Assert.Equal((0, 0), (inactive.Total, elsewhere.Total));
    }

    [Fact]
    public async Task Closed_days_have_no_slots_and_the_window_bounds_the_slots()
    {
        var client = Sandboxes.Client(_sandbox);
        var saturday = new DateTime(2025, 5, 24);

        var closed = await client.Schedule.GetAvailabilityAsync(SandboxSeed.MainStreetDental, SandboxSeed.NewPatientExam, saturday, saturday.AddDays(1), SandboxSeed.MichaelChen);
        var harbour = await client.Schedule.GetAvailabilityAsync(SandboxSeed.HarbourViewDental, SandboxSeed.EmergencyVisit, saturday, saturday.AddDays(1), SandboxSeed.MichaelChen);
        var window = await client.Schedule.GetAvailabilityAsync(SandboxSeed.MainStreetDental, SandboxSeed.NewPatientExam, Bodies.At(10), Bodies.At(12), SandboxSeed.MichaelChen);

        Assert.Equal(0, closed.Total);
        Assert.Equal("Europe/London", harbour.Timezone);
        Assert.Equal(15, harbour.Total);
        Assert.Equal((new DateTime(2025, 5, 24, 9, 0, 0), new DateTime(2025, 5, 24, 13, 0, 0)), (harbour.Items[0].ScheduledStart, harbour.Items[^1].ScheduledEnd));
        Assert.Equal(["2025-05-20T10:00:00", "2025-05-20T10:15:00", "2025-05-20T10:30:00", "2025-05-20T10:45:00", "2025-05-20T11:00:00"], Starts(window));
    }

    [Fact]
    public async Task A_window_of_31_days_is_allowed_and_a_longer_one_is_a_422()
    {
        using var http = _sandbox.CreateHttpClient();
        var path = $"{Raw.Org(_sandbox)}/schedule/availability?location_uuid={SandboxSeed.MainStreetDental}&appointment_type_uuid={SandboxSeed.NewPatientExam}&from=2025-05-01T00:00:00";

        var ok = await Raw.GetAsync(http, path + "&to=2025-06-01T00:00:00");
        var tooLong = await Raw.GetAsync(http, path + "&to=2025-06-01T00:00:01");

        Assert.Equal(200, (int)ok.StatusCode);
        Assert.Equal(["must be at most 31 days after from"], Raw.Errors(await Raw.ProblemAsync(tooLong, 422, "validation-error"), "to"));
    }

    [Fact]
    public async Task Missing_unknown_and_offset_parameters_are_a_422_naming_each()
    {
        using var http = _sandbox.CreateHttpClient();

        var response = await Raw.GetAsync(http, $"{Raw.Org(_sandbox)}/schedule/availability?appointment_type_uuid={Guid.NewGuid()}&from=2025-05-20T08:00:00Z&to=2025-05-20");

        var problem = await Raw.ProblemAsync(response, 422, "validation-error");
        Assert.Equal(["is required"], Raw.Errors(problem, "location_uuid"));
        Assert.Equal(["does not match any appointment type"], Raw.Errors(problem, "appointment_type_uuid"));
        Assert.Equal(["must be a practice-local time without an offset or Z, e.g. 2025-05-20T10:00:00"], Raw.Errors(problem, "from"));
        Assert.Equal(["must be a practice-local date-time in the form yyyy-MM-ddTHH:mm:ss, e.g. 2025-05-20T10:00:00"], Raw.Errors(problem, "to"));
    }

    [Fact]
    public async Task A_coarser_grid_can_be_configured()
    {
        await using var sandbox = NexGenSandbox.Start(new NexGenSandboxOptions { SlotInterval = TimeSpan.FromHours(1) });
        var client = Sandboxes.Client(sandbox);

        var availability = await ChenNewPatientExamsAsync(client);

        Assert.Equal(["2025-05-20T08:30:00", "2025-05-20T09:30:00", "2025-05-20T10:30:00", "2025-05-20T11:30:00"], Starts(availability).Take(4));
        Assert.Equal(8, availability.Total);
    }

    private static Task<Availability> ChenNewPatientExamsAsync(NexGenClient client)
        => client.Schedule.GetAvailabilityAsync(SandboxSeed.MainStreetDental, SandboxSeed.NewPatientExam, Bodies.At(8), Bodies.At(18), SandboxSeed.MichaelChen);

    // The starts as the contract writes them ("s" is yyyy-MM-ddTHH:mm:ss in every culture).
    private static List<string> Starts(Availability availability) => availability.Items.Select(s => s.ScheduledStart.ToString("s", CultureInfo.InvariantCulture)).ToList();

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
