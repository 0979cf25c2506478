using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Scheduling;
using Dentally.NexGen.Client.Testing.State;
using Dentally.NexGen.Client.Testing.Validation;

using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Dentally.NexGen.Client.Testing.Handlers;

/// <summary>
/// <c>GET /api/v1/{org_id}/schedule/availability</c>: free slots of the type's duration at the site
/// between <c>from</c> and <c>to</c> (at most the contract's <c>x-maximum-window-days</c> apart), for one provider or every provider
/// working there (inactive providers are never offered), in the site's time zone.
/// </summary>
internal sealed class AvailabilityHandler(SandboxState state)
{
    private readonly SlotFinder _slots = new(state);

    public SandboxResponse Get(SandboxRequest request)
    {
        var query = new QueryReader(request);
        var locationUuid = query.Uuid("location_uuid", required: true);
        var typeUuid = query.Uuid("appointment_type_uuid", required: true);
        var providerUuid = query.Uuid("provider_uuid");
        var from = query.LocalTime("from", required: true);
        var to = query.LocalTime("to", required: true);
        var site = locationUuid is { } l ? state.Sites.Find(l) : null;
        var type = typeUuid is { } t ? state.AppointmentTypes.Find(t) : null;
        var provider = providerUuid is { } p ? state.Providers.Find(p) : null;
        AddUnknown(query, "location_uuid", locationUuid, site, "site");
        AddUnknown(query, "appointment_type_uuid", typeUuid, type, "appointment type");
        AddUnknown(query, "provider_uuid", providerUuid, provider, "provider");
        if (from is not null && to is not null)
        {
            if (to <= from)
            {
                query.Errors.Add("to", "must be after from");
            }
            else if (to.Value - from.Value > TimeSpan.FromDays(ContractLimits.AvailabilityMaxWindowDays))
            {
                query.Errors.Add("to", $"must be at most {ContractLimits.AvailabilityMaxWindowDays} days after from");
            }
        }

        if (query.Failure() is { } failure)
        {
            return failure;
        }

        // Only providers who could be booked there: active and working at the site.
        var providers = state.Providers.All
            .Where(r => (provider is null || r.Uuid == provider.Uuid) && r.IsActive && r.WorksAt(site!.Uuid))
            .ToList();
        var slots = _slots.Free(site!, providers, TimeSpan.FromMinutes(type!.DurationMinutes), from!.Value, to!.Value);
        return SandboxResponse.Json(Status200OK, new Availability { Items = slots.ToList(), Total = slots.Count, Timezone = site!.Timezone });
    }

    private static void AddUnknown(QueryReader query, string name, Guid? id, object? found, string what)
    {
        if (id is not null && found is null)
        {
            query.Errors.Add(name, Messages.Unknown(what));
        }
    }
}
