using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.State;
using Dentally.NexGen.Client.Testing.Validation;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary><c>GET /api/v1/{org_id}/appointment-types</c>, optionally only active ones.</summary>
internal sealed class AppointmentTypesHandler(SandboxState state)
{
    public SandboxResponse List(SandboxRequest request)
    {
        var query = new QueryReader(request);
        var isActive = query.Flag("is_active");
        if (query.Failure() is { } failure)
        {
            return failure;
        }

        var types = state.AppointmentTypes.All.Where(t => isActive is null || t.IsActive == isActive).ToList();
        return SandboxResponse.Json(Status200OK, new AppointmentTypeList { Items = types, Total = types.Count });
    }
}
