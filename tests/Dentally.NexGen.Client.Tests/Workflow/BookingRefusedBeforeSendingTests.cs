using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Workflow;

/// <summary>
/// A booking request with a bad field is refused as a whole before the workflow does anything: no patient
/// search, no type lookup, no token fetched. The <see cref="ArgumentException"/> names the field and never
/// quotes a value that may be patient data (a name, a search text, notes).
/// </summary>
public sealed class BookingRefusedBeforeSendingTests
{
    /// <summary>Stands for patient data in a refused value: no message may quote it.</summary>
    private const string Patient = "Zebedee";

    private static readonly DateTime Nine = new(2025, 5, 20, 9, 0, 0);
    private static readonly Guid Id = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012");

    public static TheoryData<string, Action<BookingRequest>> BadRequests() => new()
    {
        { "request.PatientQuery", r => r.PatientQuery = null },
        { "request.PatientQuery", r => r.PatientQuery = " " },
        { "request.PatientQuery", r => r.PatientUuid = Id },
        { "request.PatientQuery", r => r.PatientQuery = Patient + new string('q', ContractNumbers.SearchPatientsQueryMaxLength + 1 - Patient.Length) },
        { "request.PatientUuid", r => (r.PatientQuery, r.PatientUuid) = (null, Guid.Empty) },
        { "request.PatientDateOfBirth", r => r.PatientDateOfBirth = new DateTime(1986, 4, 11, 23, 0, 0, DateTimeKind.Utc) },
        { "request.PatientDateOfBirth", r => (r.PatientQuery, r.PatientUuid, r.PatientDateOfBirth) = (null, Id, new DateTime(1986, 4, 12)) },
        { "request.CreatePatientIfMissing", r => (r.PatientQuery, r.PatientUuid, r.CreatePatientIfMissing) = (null, Id, Bodies.Jane()) },
        { "request.CreatePatientIfMissing.FirstName", r => r.CreatePatientIfMissing = Bodies.Jane(p => p.FirstName = string.Empty) },
        { "request.CreatePatientIfMissing.LastName", r => r.CreatePatientIfMissing = Bodies.Jane(p => p.LastName = null!) },
        { "request.CreatePatientIfMissing.DateOfBirth", r => r.CreatePatientIfMissing = Bodies.Jane(p => p.DateOfBirth = default) },
        { "request.CreatePatientIfMissing.DateOfBirth", r => r.CreatePatientIfMissing = Bodies.Jane(p => p.DateOfBirth = new DateTime(1986, 4, 12, 7, 30, 0)) },
        { "request.CreatePatientIfMissing.Email", r => r.CreatePatientIfMissing = Bodies.Jane(p => p.Email = Patient + ".example.com") },
        { "request.CreatePatientIfMissing.PreferredProviderUuid", r => r.CreatePatientIfMissing = Bodies.Jane(p => p.PreferredProviderUuid = Guid.Empty) },
        { "request.AppointmentTypeCode", r => r.AppointmentTypeCode = null },
        { "request.AppointmentTypeCode", r => r.AppointmentTypeCode = "\t" },
        { "request.AppointmentTypeCode", r => r.AppointmentTypeUuid = Id },
        { "request.AppointmentTypeUuid", r => (r.AppointmentTypeCode, r.AppointmentTypeUuid) = (null, Guid.Empty) },
        { "request.LocationUuid", r => r.LocationUuid = Guid.Empty },
        { "request.ProviderUuid", r => r.ProviderUuid = Guid.Empty },
        { "request.Start", r => r.Start = default },
        { "request.Start", r => r.Start = DateTime.SpecifyKind(Nine, DateTimeKind.Utc) },
        { "request.Start", r => r.Start = DateTime.SpecifyKind(Nine, DateTimeKind.Local) },
        { "request.Start", r => r.Start = Nine.AddMilliseconds(500) },
        { "request.End", r => r.End = DateTime.SpecifyKind(Nine.AddHours(1), DateTimeKind.Utc) },
        { "request.End", r => r.End = Nine },
        { "request.End", r => r.End = Nine.AddHours(-1) },
        { "request.Notes", r => r.Notes = Patient + new string('n', ContractNumbers.AppointmentCreateNotesMaxLength) },
        { "request.IdempotencyKey", r => r.IdempotencyKey = string.Empty },
        { "request.IdempotencyKey", r => r.IdempotencyKey = new string('k', BookingKeys.MaxLength + 1) },
        { "request.IdempotencyKey", r => r.IdempotencyKey = "booking-8841\r\nX-Practice-Id: other" },
        { "request.IdempotencyKey", r => r.IdempotencyKey = " booking-8841" },
        { "request.IdempotencyKey", r => r.IdempotencyKey = "réservation-8841" },
        { "request.Rebooking", r => r.Rebooking = null! },
        { "request.Rebooking.MaxRebookAttempts", r => r.Rebooking.MaxRebookAttempts = -1 },
        { "request.Rebooking.MaxRebookAttempts", r => r.Rebooking.MaxRebookAttempts = RebookingPolicy.MaxAllowedRebookAttempts + 1 },
        { "request.Rebooking.MaxDelay", r => r.Rebooking.MaxDelay = TimeSpan.Zero },
        { "request.Rebooking.MaxDelay", r => r.Rebooking.MaxDelay = TimeSpan.FromDays(ContractNumbers.GetAvailabilityMaximumWindowDays).Add(TimeSpan.FromSeconds(1)) },
        { "request.Start", r => r.Start = new DateTime(9999, 12, 31, 23, 0, 0) },

        // Several problems: one exception, named after the first field, listing each and quoting none.
        { "request.PatientQuery", r => (r.PatientQuery, r.Notes, r.CreatePatientIfMissing) = (Patient + new string('q', ContractNumbers.SearchPatientsQueryMaxLength), Patient + new string('n', ContractNumbers.AppointmentCreateNotesMaxLength), Bodies.Jane(p => p.Email = Patient)) },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_field_is_refused_before_any_search_lookup_or_token(string field, Action<BookingRequest> breakIt)
    {
        var harness = new NothingSentHarness();
        var request = Valid();
        breakIt(request);

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(() => new BookingWorkflow(harness.Client).BookAsync(request));

        Assert.True(field == error.ParamName, $"ParamName {error.ParamName}, expected {field}: {error.Message}");
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Patient, error.Message, StringComparison.Ordinal);
        harness.AssertNothingSent();
    }

    [Fact]
    public async Task A_null_request_is_refused_with_nothing_sent()
    {
        var harness = new NothingSentHarness();

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => new BookingWorkflow(harness.Client).BookAsync(null!));

        Assert.Equal("request", error.ParamName);
        harness.AssertNothingSent();
    }

    [Theory]
    [InlineData("organizationId", "", "practice_42")]
    [InlineData("organizationId", " org_7f3c2a9e", "practice_42")]
    [InlineData("practiceId", "org_7f3c2a9e", "practice_42\n")]
    public void A_practice_scope_with_a_bad_id_is_refused_when_made(string parameter, string organizationId, string practiceId)
    {
        var harness = new NothingSentHarness();

        var error = Assert.Throws<ArgumentException>(() => new BookingWorkflow(harness.Client).ForPractice(organizationId, practiceId));

        Assert.Equal(parameter, error.ParamName);
        harness.AssertNothingSent();
    }

    /// <summary>Every field a valid request may carry at its edge: the workflow gets as far as its first request.</summary>
    [Fact]
    public async Task A_request_at_every_edge_the_contract_allows_is_sent()
    {
        var harness = new NothingSentHarness();
        var request = Valid();
        request.PatientQuery = new string('ß', ContractNumbers.SearchPatientsQueryMaxLength);
        request.PatientDateOfBirth = new DateTime(1986, 4, 12, 0, 0, 0, DateTimeKind.Utc);
        request.CreatePatientIfMissing = Bodies.Jane(p => p.Email = "zoë@exämple.com");
        request.Notes = new string('n', ContractNumbers.AppointmentCreateNotesMaxLength);
        request.IdempotencyKey = new string('k', BookingKeys.MaxLength);
        request.Rebooking.MaxRebookAttempts = RebookingPolicy.MaxAllowedRebookAttempts;
        request.Rebooking.MaxDelay = TimeSpan.FromDays(ContractNumbers.GetAvailabilityMaximumWindowDays);

        await Assert.ThrowsAsync<NexGenNotFoundException>(() => new BookingWorkflow(harness.Client).BookAsync(request));

        Assert.NotEmpty(harness.Transport.Requests);
    }

    private static BookingRequest Valid() => new()
    {
        PatientQuery = "Jane Smith",
        AppointmentTypeCode = "NPE",
        LocationUuid = Id,
        Start = Nine,
    };
}
