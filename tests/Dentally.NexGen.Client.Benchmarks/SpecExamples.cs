namespace Dentally.NexGen.Client.Benchmarks;

/// <summary>
/// The identifiers and values of spec/openapi.yaml's examples (the booking guide's Jane Smith, New
/// Patient Exam at Main Street Dental with Dr Chen), so both the SDK and the baseline send what the
/// contract documents.
/// </summary>
internal static class SpecExamples
{
    public const string OrganizationId = "org_7f3c2a9e";
    public const string PracticeId = "practice_42";

    /// <summary>The contract's practice-local time format, for the peers whose models hold the wire string (the SDK keeps it internal).</summary>
    public const string LocalTimeFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Not a secret: the loopback server only checks that a bearer token is present.</summary>
    public const string Token = "benchmark-token";

    public const string RequestId = "req_01JV7N3Q8ZK5W2D4X6Y9A0B1C2";

    /// <summary>The search the patient-search scenario sends: the server answers with a page of 20.</summary>
    public const string SearchQuery = "Smith";

    /// <summary>The search the booking scenario sends: the server answers with Jane alone, so the workflow proceeds.</summary>
    public const string BookingQuery = "Jane Smith";

    public const string NewPatientExamCode = "NPE";
    public const int NewPatientExamMinutes = 60;
    public const string Notes = "New patient — first visit";

    public static readonly Guid JaneSmith = Guid.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890");
    public static readonly Guid DrChen = Guid.Parse("d4e5f6a7-b8c9-0123-defa-234567890123");
    public static readonly Guid NewPatientExam = Guid.Parse("b2c3d4e5-f6a7-8901-bcde-f12345678901");
    public static readonly Guid MainStreetDental = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012");
    public static readonly Guid BookedAppointment = Guid.Parse("e5f6a7b8-c9d0-1234-efab-345678901234");

    /// <summary>Practice-local, as the contract wants: <see cref="DateTimeKind.Unspecified"/>.</summary>
    public static readonly DateTime Start = new(2025, 5, 20, 10, 0, 0, DateTimeKind.Unspecified);

    /// <summary>The booking the workflow scenarios make; a new instance each call, as an app would build one.</summary>
    public static BookingRequest BookingRequest() => new()
    {
        PatientQuery = BookingQuery,
        AppointmentTypeCode = NewPatientExamCode,
        LocationUuid = MainStreetDental,
        Start = Start,
        Notes = Notes,
    };

    /// <summary>The appointment the create scenario books: the spec's AppointmentCreateNewPatientExam example.</summary>
    public static NewAppointment NewAppointment() => new()
    {
        PatientUuid = JaneSmith,
        AppointmentTypeUuid = NewPatientExam,
        LocationUuid = MainStreetDental,
        ProviderUuid = DrChen,
        ScheduledStart = Start,
        ScheduledEnd = Start.AddMinutes(NewPatientExamMinutes),
        Notes = Notes,
    };
}
