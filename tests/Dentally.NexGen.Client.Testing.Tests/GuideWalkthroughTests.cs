using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>The booking guide end to end through the SDK, against a default sandbox.</summary>
[Trait("Category", "TimeZone")]
public sealed class GuideWalkthroughTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public async Task Find_the_patient_pick_a_type_find_a_slot_book_move_confirm_and_cancel()
    {
        var client = new NexGenClient(_sandbox.CreateOptions().OnTestClock());

        // Step 1: find the patient.
        var jane = (await client.Patients.SearchAsync("Smith", page: 1, pageSize: 5)).Items.Single(p => p.FirstName == "Jane");
        // Step 2: pick an active appointment type.
        var exam = (await client.AppointmentTypes.ListAsync(isActive: true)).Items.Single(t => t.Code == "NPE");
        // Find a free slot with the patient's preferred provider.
        var slots = await client.Schedule.GetAvailabilityAsync(SandboxSeed.MainStreetDental, exam.Uuid, Bodies.At(8), Bodies.At(18), jane.PreferredProviderUuid);
        var ten = slots.Items.Single(s => s.ScheduledStart == new DateTime(2025, 5, 20, 10, 0, 0));
        // Steps 3 and 4: book it.
        var booked = await client.Appointments.CreateAsync(new NewAppointment
        {
            PatientUuid = jane.Uuid,
            AppointmentTypeUuid = exam.Uuid,
            LocationUuid = ten.LocationUuid,
            ProviderUuid = ten.ProviderUuid,
            ScheduledStart = ten.ScheduledStart,
            ScheduledEnd = ten.ScheduledEnd,
            Notes = "New patient — first visit",
        });
        var moved = await client.Appointments.UpdateAsync(booked.Uuid, new AppointmentChanges { ScheduledStart = Bodies.At(11), ScheduledEnd = Bodies.At(12), Notes = "Moved at the patient's request" });
        var confirmed = await client.Appointments.ChangeStatusAsync(booked.Uuid, StatusChangeTarget.Confirmed);
        var cancelled = await client.Appointments.CancelAsync(booked.Uuid, "Patient called to cancel");

        Assert.Equal(("scheduled", "Michael", "Main Street Dental"), (booked.Status, booked.Provider.FirstName, booked.Location.Name));
        Assert.Equal(new DateTime(2025, 5, 20, 11, 0, 0), moved.ScheduledStart);
        Assert.Equal("confirmed", confirmed.Status);
        Assert.Equal("cancelled", cancelled.Status);
        Assert.Equal(booked.Uuid, Assert.Single(_sandbox.GetAppointments()).Uuid);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
