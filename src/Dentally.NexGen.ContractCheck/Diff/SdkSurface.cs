namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// The SDK members each operation of the contract stands behind, so a change to the operation names
/// what it touches in an integrator's code: <c>client.Patients.SearchAsync</c>, and <c>BookingWorkflow</c>
/// where the workflow calls the operation.
/// </summary>
internal static class SdkSurface
{
    private const string Workflow = "BookingWorkflow";

    private static readonly Dictionary<string, string[]> Members = new(StringComparer.Ordinal)
    {
        ["listSites"] = ["client.Sites.ListAsync", "client.Sites.ListAllAsync"],
        ["getSite"] = ["client.Sites.GetAsync"],
        ["searchPatients"] = ["client.Patients.SearchAsync", "client.Patients.SearchAllAsync", Workflow],
        ["createPatient"] = ["client.Patients.CreateAsync", Workflow],
        ["getPatient"] = ["client.Patients.GetAsync", Workflow],
        ["listProviders"] = ["client.Providers.ListAsync"],
        ["listAppointmentTypes"] = ["client.AppointmentTypes.ListAsync", Workflow],
        ["createAppointment"] = ["client.Appointments.CreateAsync", Workflow],
        ["listAppointments"] = ["client.Appointments.ListAsync", "client.Appointments.ListAllAsync", Workflow],
        ["getAppointment"] = ["client.Appointments.GetAsync"],
        ["updateAppointment"] = ["client.Appointments.UpdateAsync"],
        ["changeAppointmentStatus"] = ["client.Appointments.ChangeStatusAsync"],
        ["cancelAppointment"] = ["client.Appointments.CancelAsync"],
        ["getAvailability"] = ["client.Schedule.GetAvailabilityAsync", Workflow],
    };

    /// <summary>The SDK members that call the operation; none for an operation the SDK does not know.</summary>
    public static IReadOnlyList<string> Of(string operationId) => Members.TryGetValue(operationId, out var members) ? members : [];
}
