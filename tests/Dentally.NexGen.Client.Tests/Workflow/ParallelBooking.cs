using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Client.Tests.Workflow;

/// <summary>Many workflows racing for a known number of free slots in one sandbox.</summary>
internal static class ParallelBooking
{
    /// <summary>
    /// Books <paramref name="bookings"/> different patients in parallel, all asking for 08:30 with
    /// Michael Chen, after pre-booking all but <paramref name="freeSlots"/> of the day's slots.
    /// </summary>
    public static async Task RunAndCheck(NexGenSandbox sandbox, int bookings, int freeSlots, int days)
    {
        // Monday 19 May 2025 onwards; Main Street Dental fits 8 one-hour slots on Monday to Wednesday.
        var grid = Enumerable.Range(0, days)
            .SelectMany(d => new[] { 8.5, 9.5, 10.5, 11.5, 13.5, 14.5, 15.5, 16.5 }.Select(h => new DateTime(2025, 5, 19).AddDays(d).AddHours(h)))
            .ToList();
        foreach (var taken in grid.Skip(freeSlots))
        {
            sandbox.PreBook(SandboxSeed.MichaelChen, taken, patientUuid: SandboxSeed.JonathanSmith);
        }

        var patients = Enumerable.Range(0, bookings)
            .Select(i => sandbox.SeedPatient(new Patient { Uuid = Guid.NewGuid(), FirstName = "P" + i, LastName = "Load", DateOfBirth = new DateTime(1980, 1, 1).AddDays(i) }).Uuid)
            .ToList();
        var options = sandbox.CreateOptions().OnTestClock();
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        var client = new NexGenClient(options);
        var workflow = new BookingWorkflow(client);

        var outcomes = await Task.WhenAll(patients.Select(async patient =>
        {
            try
            {
                return (object)await workflow.BookAsync(new BookingRequest
                {
                    PatientUuid = patient,
                    ProviderUuid = SandboxSeed.MichaelChen,
                    AppointmentTypeCode = "NPE",
                    LocationUuid = SandboxSeed.MainStreetDental,
                    Start = grid[0],
                    Rebooking = new RebookingPolicy { MaxRebookAttempts = freeSlots + 1, MaxDelay = days == 1 ? null : TimeSpan.FromDays(days) },
                });
            }
            catch (SlotUnavailableException unavailable)
            {
                return unavailable;
            }
        }));

        var booked = outcomes.OfType<BookingResult>().ToList();
        Assert.Equal(freeSlots, booked.Count);
        Assert.Equal(bookings - freeSlots, outcomes.OfType<SlotUnavailableException>().Count());
        Assert.Equal(freeSlots, booked.Select(b => b.Appointment.ScheduledStart).Distinct().Count());
        Assert.Equal(freeSlots, booked.Select(b => b.Appointment.Patient.Uuid).Distinct().Count());
        var stored = sandbox.GetAppointments().Where(a => a.Patient.Uuid != SandboxSeed.JonathanSmith).ToList();
        Assert.Equal(freeSlots, stored.Count);
        Assert.Equal(booked.Select(b => b.Appointment.Uuid).Order(), stored.Select(a => a.Uuid).Order());
        var all = sandbox.GetAppointments().Where(a => a.Provider.Uuid == SandboxSeed.MichaelChen).OrderBy(a => a.ScheduledStart).ToList();
        for (var i = 1; i < all.Count; i++)
        {
            Assert.True(all[i - 1].ScheduledEnd <= all[i].ScheduledStart, $"overlap: {all[i - 1].ScheduledStart:s}–{all[i - 1].ScheduledEnd:s} and {all[i].ScheduledStart:s}");
        }
    }
}
