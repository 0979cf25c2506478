using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>POST appointments: the guide's booking, validation (422 with an errors map) and malformed bodies.</summary>
[Trait("Category", "TimeZone")]
public sealed class BookingTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start(new NexGenSandboxOptions
    {
        TimeProvider = new FixedClock(new DateTimeOffset(2025, 5, 10, 14, 32, 0, 456, TimeSpan.Zero)),
    });

    [Fact]
    public async Task The_guide_booking_returns_201_with_Location_and_the_expanded_appointment()
    {
        using var http = _sandbox.CreateHttpClient();

        var response = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", Bodies.AppointmentJson());

        Assert.Equal(201, (int)response.StatusCode);
        var booked = await Raw.JsonAsync(response);
        var uuid = (string)booked["uuid"]!;
        Assert.Equal($"/api/v1/org_7f3c2a9e/appointments/{uuid}", response.Headers.Location!.OriginalString);
        // The spec's AppointmentBooked example, but for the new uuid.
        var expected = $$"""
            {"uuid":"{{uuid}}","status":"scheduled",
             "patient":{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Jane","last_name":"Smith"},
             "appointment_type":{"uuid":"b2c3d4e5-f6a7-8901-bcde-f12345678901","name":"New Patient Exam","duration_minutes":60,"color":"#4f46e5"},
             "scheduled_start":"2025-05-20T10:00:00","scheduled_end":"2025-05-20T11:00:00",
             "location":{"uuid":"c3d4e5f6-a7b8-9012-cdef-123456789012","name":"Main Street Dental"},
             "provider":{"uuid":"d4e5f6a7-b8c9-0123-defa-234567890123","first_name":"Michael","last_name":"Chen","title":"DDS"},
             "notes":"New patient — first visit",
             "created_at":"2025-05-10T14:32:00Z"}
            """;
        Raw.JsonEqual(expected, booked);
        var fetched = await Raw.JsonAsync(await Raw.GetAsync(http, response.Headers.Location.OriginalString));
        Assert.True(Newtonsoft.Json.Linq.JToken.DeepEquals(booked, fetched));
    }

    [Fact]
    public async Task The_SDK_books_and_reads_back_the_appointment()
    {
        var client = Sandboxes.Client(_sandbox);

        var booked = await client.Appointments.CreateAsync(Bodies.Appointment());
        var fetched = await client.Appointments.GetAsync(booked.Uuid);

        Assert.Equal(AppointmentStatuses.Scheduled, booked.Status);
        Assert.Equal((Bodies.At(10), Bodies.At(11)), (fetched.ScheduledStart, fetched.ScheduledEnd));
        Assert.Equal(("Jane", "Main Street Dental", "Chen", 60), (fetched.Patient.FirstName, fetched.Location.Name, fetched.Provider.LastName, fetched.AppointmentType.DurationMinutes));
        Assert.Equal(new DateTimeOffset(2025, 5, 10, 14, 32, 0, TimeSpan.Zero), fetched.CreatedAt);
        Assert.Null(fetched.UpdatedAt);
    }

    [Theory]
    [InlineData("2025-05-20T10:00:00Z")]
    [InlineData("2025-05-20T10:00:00+01:00")]
    [InlineData("2025-05-20T10:00:00.000-07:00")]
    public async Task A_time_with_an_offset_or_Z_is_a_422_on_that_field(string start)
    {
        using var http = _sandbox.CreateHttpClient();

        var response = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", Bodies.AppointmentJson(start: start));

        var problem = await Raw.ProblemAsync(response, 422, "validation-error");
        Assert.Equal(["must be a practice-local time without an offset or Z, e.g. 2025-05-20T10:00:00"], Raw.Errors(problem, "scheduled_start"));
        Assert.Empty(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task An_end_before_the_start_is_the_spec_example_422()
    {
        var client = Sandboxes.Client(_sandbox);
        using var http = _sandbox.CreateHttpClient();

        var response = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", Bodies.AppointmentJson(end: "2025-05-20T09:00:00"));

        var problem = await Raw.ProblemAsync(response, 422, "validation-error");
        Assert.Equal("Validation failed", (string?)problem["title"]);
        Assert.Equal(["must be after scheduled_start"], Raw.Errors(problem, "scheduled_end"));
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once()
    {
        using var http = _sandbox.CreateHttpClient();
        var json = $$"""
            {"patient_uuid":"{{Guid.NewGuid()}}","appointment_type_uuid":"NPE","provider_uuid":"{{Guid.NewGuid()}}",
             "scheduled_start":"20/05/2025 10:00","scheduled_end":"2025-02-30T10:00:00","notes":"{{new string('n', 2001)}}"}
            """;

        var problem = await Raw.ProblemAsync(await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", json), 422, "validation-error");

        Assert.Equal(["does not match any patient"], Raw.Errors(problem, "patient_uuid"));
        Assert.Equal(["must be a UUID"], Raw.Errors(problem, "appointment_type_uuid"));
        Assert.Equal(["is required"], Raw.Errors(problem, "location_uuid"));
        Assert.Equal(["does not match any provider"], Raw.Errors(problem, "provider_uuid"));
        Assert.Equal(["must be a practice-local date-time in the form yyyy-MM-ddTHH:mm:ss, e.g. 2025-05-20T10:00:00"], Raw.Errors(problem, "scheduled_start"));
        Assert.Equal(["is not a valid date and time"], Raw.Errors(problem, "scheduled_end"));
        Assert.Equal(["must be at most 2000 characters"], Raw.Errors(problem, "notes"));
    }

    [Fact]
    public async Task Inactive_types_and_providers_elsewhere_cannot_be_booked()
    {
        var archived = _sandbox.SeedAppointmentType(new AppointmentType { Code = "OLD", Name = "Archived", DurationMinutes = 30, Color = "#000000", IsActive = false });
        var bristolOnly = _sandbox.SeedProvider(new Provider { FirstName = "Owen", LastName = "Hughes", Title = "BDS" }, locationUuids: [SandboxSeed.HarbourViewDental]);
        var client = Sandboxes.Client(_sandbox);
        var appointment = Bodies.Appointment(provider: bristolOnly.Uuid);
        appointment.AppointmentTypeUuid = archived.Uuid;

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() => client.Appointments.CreateAsync(appointment));

        Assert.Equal(["is not active"], error.Errors["appointment_type_uuid"]);
        Assert.Equal(["does not work at location_uuid"], error.Errors["provider_uuid"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{\"patient_uuid\":")]
    [InlineData("\"text\"")]
    public async Task A_body_that_is_not_a_JSON_object_is_a_400(string body)
    {
        using var http = _sandbox.CreateHttpClient();

        await Raw.ProblemAsync(await Raw.PostAsync(http, Raw.Org(_sandbox) + "/appointments", body), 400, "malformed-request");
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
