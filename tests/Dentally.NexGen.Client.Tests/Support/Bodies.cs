namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>Small valid response bodies.</summary>
internal static class Bodies
{
    public const string EmptyProviders = """{"items":[],"total":0}""";

    public static string PatientPage(int page, int pageSize, int total, int count)
    {
        var items = string.Join(",", Enumerable.Range(0, count).Select(i =>
            $$"""{"uuid":"{{Guid.NewGuid()}}","first_name":"P{{page}}-{{i}}","last_name":"Smith","date_of_birth":"1980-01-01"}"""));
        return $$"""{"items":[{{items}}],"page":{{page}},"page_size":{{pageSize}},"total":{{total}}}""";
    }

    /// <summary>The guide's patient to register, changed by <paramref name="change"/>.</summary>
    public static PatientCreate Jane(Action<PatientCreate>? change = null)
    {
        var patient = new PatientCreate { FirstName = "Jane", LastName = "Smith", DateOfBirth = new DateTime(1986, 4, 12) };
        change?.Invoke(patient);
        return patient;
    }

    public static NewAppointment GuideAppointment() => new()
    {
        PatientUuid = Guid.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890"),
        AppointmentTypeUuid = Guid.Parse("b2c3d4e5-f6a7-8901-bcde-f12345678901"),
        LocationUuid = Guid.Parse("c3d4e5f6-a7b8-9012-cdef-123456789012"),
        ProviderUuid = Guid.Parse("d4e5f6a7-b8c9-0123-defa-234567890123"),
        ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0),
        ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0),
        Notes = "New patient — first visit",
    };
}
