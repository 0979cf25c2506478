using System.Globalization;
using Dentally.NexGen.Client.Serialization;
using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Dentally.NexGen.Client.Tests.Contract;

/// <summary>
/// Practice-local times and dates never move with the machine's time zone. CI runs this class under
/// TZ=UTC, TZ=Pacific/Auckland and TZ=America/Los_Angeles (see .ci/run).
/// </summary>
[Trait("Category", "TimeZone")]
public sealed class PracticeLocalTimeTests : IDisposable
{
    private readonly WireMockApi _api = new();

    [Fact]
    public async Task Scheduled_times_go_out_and_come_back_exactly_as_written()
    {
        _api.Server.Given(Request.Create().UsingPost())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json").WithBody(GuideJson.Confirmation));
        var create = new AppointmentCreate
        {
            PatientUuid = OperationCase.PatientUuid,
            AppointmentTypeUuid = OperationCase.TypeUuid,
            LocationUuid = OperationCase.SiteUuid,
            ProviderUuid = OperationCase.ProviderUuid,
            ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0),
            ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0),
        };

        var created = await _api.Clients.Appointments.CreateAppointmentAsync(create, OperationCase.Org);

        var body = _api.Server.LogEntries.Single().RequestMessage!.Body!;
        Assert.Contains("\"scheduled_start\":\"2025-05-20T10:00:00\"", body, StringComparison.Ordinal);
        Assert.Contains("\"scheduled_end\":\"2025-05-20T11:00:00\"", body, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2025, 5, 20, 10, 0, 0), created.ScheduledStart);
        Assert.Equal(new DateTime(2025, 5, 20, 11, 0, 0), created.ScheduledEnd);
        Assert.Equal(new DateTimeOffset(2025, 5, 10, 14, 32, 0, TimeSpan.Zero), created.CreatedAt);
    }

    [Fact]
    public async Task Availability_query_times_are_sent_unshifted()
    {
        _api.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json")
                .WithBody("""{"items":[{"provider_uuid":"d4e5f6a7-b8c9-0123-defa-234567890123","location_uuid":"c3d4e5f6-a7b8-9012-cdef-123456789012","scheduled_start":"2025-05-20T23:30:00","scheduled_end":"2025-05-21T00:30:00"}],"total":1,"timezone":"America/Los_Angeles"}"""));

        var slots = await _api.Clients.Schedule.GetAvailabilityAsync(OperationCase.SiteUuid, OperationCase.TypeUuid, "2025-05-20T23:00:00", "2025-05-21T01:00:00", OperationCase.Org);

        var query = _api.Server.LogEntries.Single().RequestMessage!.Query!;
        Assert.Equal("2025-05-20T23:00:00", query["from"].Single());
        Assert.Equal("2025-05-21T01:00:00", query["to"].Single());
        Assert.Equal(new DateTime(2025, 5, 20, 23, 30, 0), slots.Items.Single().ScheduledStart);
        Assert.Equal(new DateTime(2025, 5, 21, 0, 30, 0), slots.Items.Single().ScheduledEnd);
    }

    [Fact]
    public async Task Date_of_birth_is_a_date_whatever_the_zone()
    {
        _api.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/json")
                .WithBody("""{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Jane","last_name":"Smith","date_of_birth":"1986-04-12"}"""));

        var patient = await _api.Clients.Patients.CreatePatientAsync(
            new PatientCreate { FirstName = "Jane", LastName = "Smith", DateOfBirth = new DateTime(1986, 4, 12) }, OperationCase.Org);

        Assert.Contains("\"date_of_birth\":\"1986-04-12\"", _api.Server.LogEntries.Single().RequestMessage!.Body!, StringComparison.Ordinal);
        Assert.Equal(new DateTime(1986, 4, 12), patient.DateOfBirth);
        Assert.Equal(TimeSpan.Zero, patient.DateOfBirth.TimeOfDay);
    }

    [Fact]
    public async Task Date_like_strings_inside_problem_extensions_are_not_reinterpreted()
    {
        _api.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(409).WithHeader("Content-Type", "application/problem+json")
                .WithBody("""{"type":"https://docs.api.dentally.com/problems/slot-conflict","title":"Slot conflict","status":409,"conflict":{"resource":"provider","resource_uuid":"d4e5f6a7-b8c9-0123-defa-234567890123","scheduled_start":"2025-05-20T09:30:00","scheduled_end":"2025-05-20T10:30:00"},"suggested_slots":[],"held_until":"2025-05-20T09:45:00"}"""));

        var conflict = await Assert.ThrowsAsync<NexGenSlotConflictException>(() => _api.Clients.Appointments.CreateAppointmentAsync(
            new AppointmentCreate { ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0), ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0) }, OperationCase.Org));

        Assert.Equal(new DateTime(2025, 5, 20, 9, 30, 0), conflict.Conflict!.ScheduledStart);
        Assert.Equal("2025-05-20T09:45:00", conflict.Problem!.AdditionalProperties["held_until"]?.ToString());
    }

    [Theory]
    [InlineData("2025-05-20T10:00:00")]
    [InlineData("2025-03-30T01:30:00")] // inside London's spring-forward gap
    [InlineData("2025-09-28T02:30:00")] // inside Auckland's spring-forward gap
    [InlineData("2025-11-02T01:30:00")] // inside Los Angeles' repeated autumn hour
    [InlineData("0001-01-01T00:00:00")]
    [InlineData("9999-12-31T23:59:59")]
    public void A_model_reads_a_wire_time_as_an_unspecified_DateTime_and_writes_the_same_bytes(string wire)
    {
        var json = $$"""{"provider_uuid":"d4e5f6a7-b8c9-0123-defa-234567890123","location_uuid":"c3d4e5f6-a7b8-9012-cdef-123456789012","scheduled_start":"{{wire}}","scheduled_end":"{{wire}}"}""";
        var settings = NexGenJsonSettings.Apply(new JsonSerializerSettings());

        var slot = JsonConvert.DeserializeObject<Slot>(json, settings)!;

        Assert.Equal(DateTimeKind.Unspecified, slot.ScheduledStart.Kind);
        Assert.Equal(DateTime.ParseExact(wire, "s", CultureInfo.InvariantCulture), slot.ScheduledStart);
        Assert.Equal(json, JsonConvert.SerializeObject(slot, settings));
    }

    [Theory]
    [InlineData(DateTimeKind.Utc)]
    [InlineData(DateTimeKind.Local)]
    public async Task A_raw_body_with_a_Utc_or_Local_time_is_refused_before_sending(DateTimeKind kind)
    {
        var create = new AppointmentCreate { ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0, kind), ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0) };

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => _api.Clients.Appointments.CreateAppointmentAsync(create, OperationCase.Org));

        Assert.Contains($"DateTimeKind.{kind}", error.Message, StringComparison.Ordinal);
        Assert.Empty(_api.Server.LogEntries);
    }

    public void Dispose() => _api.Dispose();
}
