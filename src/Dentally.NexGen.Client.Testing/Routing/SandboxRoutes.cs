using Dentally.NexGen.Client.Testing.Handlers;
using Dentally.NexGen.Client.Testing.Http;
using Dentally.NexGen.Client.Testing.State;
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

    public static IReadOnlyList<Route> Create(SandboxState state)
    {
        var sites = new SitesHandler(state);
        var patients = new PatientsHandler(state);
        var providers = new ProvidersHandler(state);
        var types = new AppointmentTypesHandler(state);
        var booking = new AppointmentBookingHandler(state);
        var queries = new AppointmentQueriesHandler(state);
        var changes = new AppointmentChangesHandler(state);
        var availability = new AvailabilityHandler(state);
        return
        [
            new("GET", "/v2/sites", sites.List),
            new("GET", "/v2/sites/{site_uuid}", sites.Get),
            new("GET", Org + "/patients", patients.Search, documentsValidationError: true),
            new("POST", Org + "/patients", patients.Create, acceptsIdempotencyKey: true, documentsValidationError: true),
            new("GET", Org + "/patients/{patient_uuid}", patients.Get),
            new("GET", Org + "/providers", providers.List),
            new("GET", Org + "/appointment-types", types.List),
            new("POST", Org + "/appointments", booking.Create, acceptsIdempotencyKey: true, documentsValidationError: true),
            new("GET", Org + "/appointments", queries.List, documentsValidationError: true),
            new("GET", Org + "/appointments/{appointment_uuid}", queries.Get),
            new("PATCH", Org + "/appointments/{appointment_uuid}", changes.Update, documentsValidationError: true),
            new("POST", Org + "/appointments/{appointment_uuid}/status", changes.ChangeStatus, documentsValidationError: true),
            new("POST", Org + "/appointments/{appointment_uuid}/cancel", changes.Cancel),
            new("GET", Org + "/schedule/availability", availability.Get, documentsValidationError: true),
        ];
    }

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
