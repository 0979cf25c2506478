using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.State;
using Dentally.NexGen.Client.Testing.Validation;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary><c>GET /api/v1/{org_id}/appointments</c> (filtered, paged, ordered by start) and <c>GET …/appointments/{appointment_uuid}</c>.</summary>
internal sealed class AppointmentQueriesHandler(SandboxState state)
{
    public SandboxResponse List(SandboxRequest request)
    {
        var query = new QueryReader(request);
        var patient = query.Uuid("patient_uuid");
        var provider = query.Uuid("provider_uuid");
        var location = query.Uuid("location_uuid");
        var status = query.Text("status", maxLength: 50);
        var from = query.LocalTime("from");
        var to = query.LocalTime("to");
        var page = query.Page();
        var pageSize = query.PageSize();
        if (from is not null && to <= from)
        {
            query.Errors.Add("to", "must be after from");
        }

        if (query.Failure() is { } failure)
        {
            return failure;
        }

        var matches = state.Appointments.All
            .Where(a => patient is null || a.PatientUuid == patient)
            .Where(a => provider is null || a.ProviderUuid == provider)
            .Where(a => location is null || a.LocationUuid == location)
            .Where(a => status is null || string.Equals(a.Status, status, StringComparison.Ordinal))
            .Where(a => (from is null || a.Start >= from) && (to is null || a.Start < to))
            .OrderBy(a => a.Start)
            .ThenBy(a => a.CreatedAt)
            .ToList();
        var items = Paging.Slice(matches, page, pageSize).Select(a => AppointmentView.Render(state, a)).ToList();
        return SandboxResponse.Json(Status200OK, new AppointmentPage { Items = items, Page = page, PageSize = pageSize, Total = matches.Count });
    }

    public SandboxResponse Get(SandboxRequest request)
        => Find(state, request) is { } record
            ? SandboxResponse.Json(Status200OK, AppointmentView.Render(state, record))
            : NotFound(request);

    public static AppointmentRecord? Find(SandboxState state, SandboxRequest request)
        => request.RouteUuid("appointment_uuid") is { } id ? state.Appointments.Find(id) : null;

    public static SandboxResponse NotFound(SandboxRequest request)
        => Problems.NotFound(request, $"No appointment with uuid {request.RouteValue("appointment_uuid")} exists in this organisation.");
}
