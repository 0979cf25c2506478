using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>Bad arguments are rejected before anything is sent, naming the parameter.</summary>
public sealed class ArgumentValidationTests : IDisposable
{
    private static readonly Guid Id = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012");
    private static readonly DateTime Nine = new(2025, 5, 20, 9, 0, 0);

    private readonly SdkHarness _harness = new();

    public static TheoryData<string, Func<NexGenClient, Task>> BadCalls() => new()
    {
        { "siteUuid", c => c.Sites.GetAsync(Guid.Empty) },
        { "pageSize", c => c.Sites.ListAsync(pageSize: 0) },
        { "pageSize", c => c.Sites.ListAsync(pageSize: 101) },
        { "page", c => c.Sites.ListAsync(page: 0) },
        { "query", c => c.Patients.SearchAsync(" ") },
        { "pageSize", c => c.Patients.SearchAsync("Smith", pageSize: 101) },
        { "patientUuid", c => c.Patients.GetAsync(Guid.Empty) },
        { "patient.FirstName", c => c.Patients.CreateAsync(new PatientCreate { FirstName = "", LastName = "Smith", DateOfBirth = new DateTime(1986, 4, 12) }) },
        { "idempotencyKey", c => c.Patients.CreateAsync(new PatientCreate { FirstName = "Jane", LastName = "Smith", DateOfBirth = new DateTime(1986, 4, 12) }, new string('k', 256)) },
        { "locationUuid", c => c.Providers.ListAsync(Guid.Empty) },
        { "appointment.PatientUuid", c => c.Appointments.CreateAsync(With(a => a.PatientUuid = Guid.Empty)) },
        { "appointment.ScheduledEnd", c => c.Appointments.CreateAsync(With(a => a.ScheduledEnd = a.ScheduledStart)) },
        { "appointment.ScheduledStart", c => c.Appointments.CreateAsync(With(a => a.ScheduledStart = DateTime.SpecifyKind(a.ScheduledStart, DateTimeKind.Local))) },
        { "appointment.ScheduledEnd", c => c.Appointments.CreateAsync(With(a => a.ScheduledEnd = DateTime.SpecifyKind(a.ScheduledEnd, DateTimeKind.Utc))) },
        { "appointment.ScheduledStart", c => c.Appointments.CreateAsync(With(a => a.ScheduledStart = a.ScheduledStart.AddMilliseconds(5))) },
        { "appointment.Notes", c => c.Appointments.CreateAsync(With(a => a.Notes = new string('n', 2001))) },
        { "appointmentUuid", c => c.Appointments.GetAsync(Guid.Empty) },
        { "changes", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges { ScheduledStart = Nine }) },
        { "changes", c => c.Appointments.UpdateAsync(Id, new AppointmentChanges()) },
        { "status", c => c.Appointments.ChangeStatusAsync(Id, (StatusChangeTarget)42) },
        { "reason", c => c.Appointments.CancelAsync(Id, new string('r', 501)) },
        { "query.To", c => c.Appointments.ListAsync(new AppointmentQuery { From = Nine, To = Nine.AddHours(-1) }) },
        { "query.From", c => c.Appointments.ListAsync(new AppointmentQuery { From = DateTime.UtcNow }) },
        { "to", c => c.Schedule.GetAvailabilityAsync(Id, Id, Nine, Nine.AddHours(-1)) },
        { "to", c => c.Schedule.GetAvailabilityAsync(Id, Id, Nine, Nine.AddDays(31).AddSeconds(1)) },
        { "from", c => c.Schedule.GetAvailabilityAsync(Id, Id, DateTime.Now, DateTime.Now.AddHours(1)) },
        { "appointmentTypeUuid", c => c.Schedule.GetAvailabilityAsync(Id, Guid.Empty, Nine, Nine.AddHours(1)) },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task Is_rejected_before_any_request(string parameter, Func<NexGenClient, Task> call)
    {
        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => call(_harness.Client));

        Assert.Equal(parameter, error.ParamName);
        Assert.Empty(_harness.Server.LogEntries);
    }

    public static TheoryData<DateTime, string> ClockReadings() => new()
    {
        { DateTime.SpecifyKind(Nine, DateTimeKind.Utc), "from must be a practice-local wall-clock time (DateTimeKind.Unspecified), not DateTimeKind.Utc: that is a time in UTC, not in the practice's. Create it with new DateTime(y, m, d, h, min, s), or convert an instant with TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(site.Timezone)).DateTime; DateTime.SpecifyKind alone would keep the other zone's hour. (Parameter 'from')" },
        { DateTime.SpecifyKind(Nine, DateTimeKind.Local), "from must be a practice-local wall-clock time (DateTimeKind.Unspecified), not DateTimeKind.Local: that is a time in this machine's time zone, not in the practice's. Create it with new DateTime(y, m, d, h, min, s), or convert an instant with TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(site.Timezone)).DateTime; DateTime.SpecifyKind alone would keep the other zone's hour. (Parameter 'from')" },
        { Nine.AddTicks(1), "from must be a whole second: the API has no sub-second times. A value with fractions usually comes from a clock (DateTimeOffset.UtcNow.DateTime, DateTimeOffset.Now.DateTime), whose zone is not the practice's: convert an instant with TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(site.Timezone)).DateTime, then drop the fractions. (Parameter 'from')" },
    };

    /// <summary>
    /// A clock's reading where a practice-local time belongs (DateTime.Now, DateTime.UtcNow, a
    /// DateTimeOffset's DateTime) is told how to reach the practice's wall clock, never only to change
    /// the kind, which would keep the wrong zone's hour and move the appointment.
    /// </summary>
    [Theory]
    [MemberData(nameof(ClockReadings))]
    public async Task A_clock_reading_is_told_how_to_reach_the_practices_wall_clock(DateTime from, string message)
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _harness.Client.Schedule.GetAvailabilityAsync(Id, Id, from, Nine.AddHours(2)));

        Assert.Equal(message, error.Message);
        Assert.Empty(_harness.Server.LogEntries);
    }

    [Fact]
    public async Task A_31_day_window_is_allowed()
    {
        _harness.Server.Given(WireMock.RequestBuilders.Request.Create().UsingGet())
            .RespondWith(SdkHarness.Json(200, """{"items":[],"total":0,"timezone":"America/Los_Angeles"}"""));

        await _harness.Client.Schedule.GetAvailabilityAsync(Id, Id, Nine, Nine.AddDays(31));

        var query = _harness.Requests.Single().Query!;
        Assert.Equal("2025-05-20T09:00:00", query["from"].Single());
        Assert.Equal("2025-06-20T09:00:00", query["to"].Single());
    }

    private static NewAppointment With(Action<NewAppointment> change)
    {
        var appointment = Bodies.GuideAppointment();
        change(appointment);
        return appointment;
    }

    public void Dispose() => _harness.Dispose();
}
