using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.State;
using Dentally.NexGen.Client.Testing.Validation;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary><c>GET /api/v1/{org_id}/providers</c>, filtered by site and active flag.</summary>
internal sealed class ProvidersHandler(SandboxState state)
{
    public SandboxResponse List(SandboxRequest request)
    {
        var query = new QueryReader(request);
        var location = query.Uuid("location_uuid");
        var isActive = query.Flag("is_active");
        if (query.Failure() is { } failure)
        {
            return failure;
        }

        var providers = state.Providers.All
            .Where(p => location is null || p.WorksAt(location.Value))
            .Where(p => isActive is null || p.IsActive == isActive)
            .Select(p => p.Provider)
            .ToList();
        return SandboxResponse.Json(Status200OK, new ProviderList { Items = providers, Total = providers.Count });
    }
}
