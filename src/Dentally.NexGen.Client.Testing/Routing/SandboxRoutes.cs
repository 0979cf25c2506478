using Dentally.NexGen.Client.Testing.Handlers;
using Dentally.NexGen.Client.Testing.Http;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Dentally.NexGen.Client.Testing.Routing;

/// <summary>The contract's 14 operations, registered as WireMock mappings whose callbacks run the sandbox pipeline.</summary>
internal static class SandboxRoutes
{
    private const string Org = "/api/v1/{org_id}";

    // Operations win over the catch-all; WireMock tries lower priority numbers first.
    private const int OperationPriority = 10;
    private const int CatchAllPriority = 1000;

    /// <summary>The operations; each handler is made for the organisation whose data the request is served from.</summary>
    public static IReadOnlyList<Route> Create() =>
    [
        new("GET", "/v2/sites", (state, request) => new SitesHandler(state).List(request)),
        new("GET", "/v2/sites/{site_uuid}", (state, request) => new SitesHandler(state).Get(request)),
        new("GET", Org + "/patients", (state, request) => new PatientsHandler(state).Search(request), documentsValidationError: true),
        new("POST", Org + "/patients", (state, request) => new PatientsHandler(state).Create(request), acceptsIdempotencyKey: true, documentsValidationError: true),
        new("GET", Org + "/patients/{patient_uuid}", (state, request) => new PatientsHandler(state).Get(request)),
        new("GET", Org + "/providers", (state, request) => new ProvidersHandler(state).List(request)),
        new("GET", Org + "/appointment-types", (state, request) => new AppointmentTypesHandler(state).List(request)),
        new("POST", Org + "/appointments", (state, request) => new AppointmentBookingHandler(state).Create(request), acceptsIdempotencyKey: true, documentsValidationError: true),
        new("GET", Org + "/appointments", (state, request) => new AppointmentQueriesHandler(state).List(request), documentsValidationError: true),
        new("GET", Org + "/appointments/{appointment_uuid}", (state, request) => new AppointmentQueriesHandler(state).Get(request)),
        new("PATCH", Org + "/appointments/{appointment_uuid}", (state, request) => new AppointmentChangesHandler(state).Update(request), documentsValidationError: true),
        new("POST", Org + "/appointments/{appointment_uuid}/status", (state, request) => new AppointmentChangesHandler(state).ChangeStatus(request), documentsValidationError: true),
        new("POST", Org + "/appointments/{appointment_uuid}/cancel", (state, request) => new AppointmentChangesHandler(state).Cancel(request)),
        new("GET", Org + "/schedule/availability", (state, request) => new AvailabilityHandler(state).Get(request), documentsValidationError: true),
    ];

    public static void Register(WireMockServer server, IReadOnlyList<Route> routes, RequestPipeline pipeline)
    {
        foreach (var route in routes)
        {
            server.Given(Request.Create().WithPath(new RegexMatcher(route.Pattern)).UsingMethod(route.Method))
                .AtPriority(OperationPriority)
                .WithTitle(route.ToString())
                .RespondWith(Response.Create().WithCallback(message => pipeline.HandleAsync(message, route)));
        }

        // Anything else still gets auth, faults, a problem body and an X-Request-Id, never WireMock's own 404.
        server.Given(Request.Create().WithPath(new RegexMatcher(".*")).UsingAnyMethod())
            .AtPriority(CatchAllPriority)
            .WithTitle("No such operation")
            .RespondWith(Response.Create().WithCallback(message => pipeline.HandleAsync(message, route: null)));
    }
}
