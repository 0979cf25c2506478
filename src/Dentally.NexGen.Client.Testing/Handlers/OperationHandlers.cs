using Dentally.NexGen.Client.Testing.State;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary>
/// Which handler answers each operation of the contract, by the spec's <c>operationId</c>; the methods and
/// paths come from the spec. Each handler is made for the organisation whose data the request is served
/// from, and always called under that organisation's lock.
/// </summary>
internal static class OperationHandlers
{
    private static readonly Dictionary<string, Func<SandboxState, SandboxRequest, SandboxResponse>> ById = new(StringComparer.Ordinal)
    {
        ["listSites"] = (state, request) => new SitesHandler(state).List(request),
        ["getSite"] = (state, request) => new SitesHandler(state).Get(request),
        ["searchPatients"] = (state, request) => new PatientsHandler(state).Search(request),
        ["createPatient"] = (state, request) => new PatientsHandler(state).Create(request),
        ["getPatient"] = (state, request) => new PatientsHandler(state).Get(request),
        ["listProviders"] = (state, request) => new ProvidersHandler(state).List(request),
        ["listAppointmentTypes"] = (state, request) => new AppointmentTypesHandler(state).List(request),
        ["createAppointment"] = (state, request) => new AppointmentBookingHandler(state).Create(request),
        ["listAppointments"] = (state, request) => new AppointmentQueriesHandler(state).List(request),
        ["getAppointment"] = (state, request) => new AppointmentQueriesHandler(state).Get(request),
        ["updateAppointment"] = (state, request) => new AppointmentChangesHandler(state).Update(request),
        ["changeAppointmentStatus"] = (state, request) => new AppointmentChangesHandler(state).ChangeStatus(request),
        ["cancelAppointment"] = (state, request) => new AppointmentChangesHandler(state).Cancel(request),
        ["getAvailability"] = (state, request) => new AvailabilityHandler(state).Get(request),
    };

    /// <summary>The handler of an operation; a spec with an operation the sandbox does not implement fails at start.</summary>
    public static Func<SandboxState, SandboxRequest, SandboxResponse> For(string operationId)
        => ById.TryGetValue(operationId, out var handle)
            ? handle
            : throw new InvalidOperationException($"The contract has an operation the sandbox does not implement: {operationId}.");

    /// <summary>Runs the operation on the data of the organisation the request's tenant belongs to.</summary>
    public static SandboxResponse Execute(Func<SandboxState, SandboxRequest, SandboxResponse> handle, SandboxRequest request)
    {
        // Admitted, so the token named a tenant. One lock for all of its organisation's data: concurrent
        // bookings of one slot are decided one at a time; other organisations are not held up.
        var organisation = request.Received.Tenant!.State;
        lock (organisation.Gate)
        {
            return handle(organisation, request);
        }
    }
}
