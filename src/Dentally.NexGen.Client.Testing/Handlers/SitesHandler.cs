using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.State;
using Dentally.NexGen.Client.Testing.Validation;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary><c>GET /v2/sites</c> and <c>GET /v2/sites/{site_uuid}</c>.</summary>
internal sealed class SitesHandler(SandboxState state)
{
    public SandboxResponse List(SandboxRequest request)
    {
        var query = new QueryReader(request);
        var page = query.Page();
        var pageSize = query.PageSize();
        var isActive = query.Flag("is_active");
        if (query.Failure() is { } failure)
        {
            return failure;
        }

        var matches = state.Sites.All.Where(s => isActive is null || s.IsActive == isActive).ToList();
        return SandboxResponse.Json(Status200OK, new SitePage { Items = Paging.Slice(matches, page, pageSize), Page = page, PageSize = pageSize, Total = matches.Count });
    }

    public SandboxResponse Get(SandboxRequest request)
        => request.RouteUuid("site_uuid") is { } id && state.Sites.Find(id) is { } site
            ? SandboxResponse.Json(Status200OK, site)
            : Problems.NotFound(request, $"No site with uuid {request.RouteValue("site_uuid")} exists in this practice.");
}
