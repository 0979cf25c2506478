using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>Double-booking a provider: 409 slot-conflict with the colliding booking and suggestions; concurrent bookings of one slot.</summary>
[Trait("Category", "TimeZone")]
public sealed class SlotConflictTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public async Task Booking_over_an_existing_booking_is_the_spec_example_409_with_suggestions()
    {
        _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(9, 30), Bodies.At(10, 30));
        using var http = _sandbox.CreateHttpClient();

        var response = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", Bodies.AppointmentJson());

        var problem = await Raw.ProblemAsync(response, 409, "slot-conflict");
        Assert.Equal("The provider is already booked from 2025-05-20T09:30:00 to 2025-05-20T10:30:00.", (string?)problem["detail"]);
        var conflict = """
            {"resource":"provider","resource_uuid":"d4e5f6a7-b8c9-0123-defa-234567890123","scheduled_start":"2025-05-20T09:30:00","scheduled_end":"2025-05-20T10:30:00"}
            """;
        Raw.JsonEqual(conflict, problem["conflict"]);
        var suggestions = problem["suggested_slots"]!.ToObject<List<Slot>>()!;
        Assert.Equal([new DateTime(2025, 5, 20, 10, 30, 0), new DateTime(2025, 5, 20, 10, 45, 0), new DateTime(2025, 5, 20, 11, 0, 0)], suggestions.Select(s => s.ScheduledStart));
        Assert.All(suggestions, s => Assert.Equal((SandboxSeed.MichaelChen, SandboxSeed.MainStreetDental, TimeSpan.FromHours(1)), (s.ProviderUuid, s.LocationUuid, s.ScheduledEnd - s.ScheduledStart)));
        Assert.Single(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task The_SDK_gets_a_typed_conflict_and_a_suggestion_can_be_booked()
    {
        var client = Sandboxes.Client(_sandbox);
        await client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(10)));

        var error = await Assert.ThrowsAsync<NexGenSlotConflictException>(() => client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(10, 30))));
        var suggestion = error.SuggestedSlots[0];
        var rebooked = await client.Appointments.CreateAsync(Bodies.Appointment(suggestion.ScheduledStart, suggestion.ScheduledEnd));

        Assert.Equal(("provider", SandboxSeed.MichaelChen, new DateTime(2025, 5, 20, 10, 0, 0)), (error.Conflict!.Resource, error.Conflict.ResourceUuid, error.Conflict.ScheduledStart));
        Assert.InRange(error.SuggestedSlots.Count, 1, 3);
        Assert.All(error.SuggestedSlots, s => Assert.True(s.ScheduledStart >= Bodies.At(10, 30) && s.ScheduledStart.Date == Bodies.GuideDay));
        Assert.Equal(new DateTime(2025, 5, 20, 11, 0, 0), rebooked.ScheduledStart);
    }

    [Fact]
    public async Task Suggestions_are_empty_when_the_rest_of_the_day_is_full()
    {
        _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(8, 30), Bodies.At(17, 30));
        var client = Sandboxes.Client(_sandbox);

        var error = await Assert.ThrowsAsync<NexGenSlotConflictException>(() => client.Appointments.CreateAsync(Bodies.Appointment()));

        Assert.Empty(error.SuggestedSlots);
    }

    [Fact]
    public async Task Back_to_back_bookings_another_provider_and_cancelled_bookings_do_not_conflict()
    {
        var client = Sandboxes.Client(_sandbox);
        var first = await client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(10)));

        await client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(11)));
        await client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(10), provider: SandboxSeed.PriyaNatarajan));
        await client.Appointments.CancelAsync(first.Uuid);
        await client.Appointments.CreateAsync(Bodies.Appointment(Bodies.At(10)));

        Assert.Equal(4, _sandbox.GetAppointments().Count);
    }

    [Fact]
    public async Task Twenty_concurrent_bookings_of_one_slot_give_exactly_one_201()
    {
        using var http = _sandbox.CreateHttpClient();
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", Bodies.AppointmentJson(), idempotencyKey: "booking-" + i);
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(attempts);

        Assert.Equal(1, responses.Count(r => (int)r.StatusCode == 201));
        Assert.Equal(19, responses.Count(r => (int)r.StatusCode == 409));
        foreach (var conflict in responses.Where(r => (int)r.StatusCode == 409))
        {
            await Raw.ProblemAsync(conflict, 409, "slot-conflict");
        }

        Assert.Single(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task Twenty_concurrent_SDK_bookings_of_one_slot_give_exactly_one_appointment()
    {
        var client = Sandboxes.Client(_sandbox);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async _ =>
        {
            try
            {
                await client.Appointments.CreateAsync(Bodies.Appointment());
                return "booked";
            }
            catch (NexGenSlotConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Equal(1, outcomes.Count(o => o == "booked"));
        Assert.Equal(19, outcomes.Count(o => o == "conflict"));
        Assert.Single(_sandbox.GetAppointments());
    }

    [Fact]
    public void PreBook_refuses_an_overlapping_slot()
    {
        _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(10));

        var error = Assert.Throws<InvalidOperationException>(() => _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(10, 30)));

        Assert.Contains("2025-05-20T10:00:00", error.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
