using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>GET providers (location and active filters) and GET appointment-types (active filter).</summary>
public sealed class ProvidersAndTypesTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public async Task The_spec_providers_work_at_every_site()
    {
        var client = Sandboxes.Client(_sandbox);

        var all = await client.Providers.ListAsync();
        var harbour = await client.Providers.ListAsync(locationUuid: SandboxSeed.HarbourViewDental);

        Assert.Equal(2, all.Total);
        Assert.Equal(("Michael", "Chen", "DDS"), (all.Items[0].FirstName, all.Items[0].LastName, all.Items[0].Title));
        Assert.Equal((SandboxSeed.PriyaNatarajan, "DMD"), (all.Items[1].Uuid, all.Items[1].Title));
        Assert.Equal(2, harbour.Total);
    }

    [Fact]
    public async Task Location_and_active_filters_use_the_seeded_provider_details()
    {
        var local = _sandbox.SeedProvider(new Provider { FirstName = "Owen", LastName = "Hughes", Title = "BDS" }, locationUuids: [SandboxSeed.HarbourViewDental]);
        _sandbox.SeedProvider(new Provider { FirstName = "Rita", LastName = "Retired", Title = "DDS" }, isActive: false);
        var client = Sandboxes.Client(_sandbox);

        var main = await client.Providers.ListAsync(locationUuid: SandboxSeed.MainStreetDental);
        var harbourActive = await client.Providers.ListAsync(locationUuid: SandboxSeed.HarbourViewDental, isActive: true);
        var inactive = await client.Providers.ListAsync(isActive: false);

        Assert.DoesNotContain(main.Items, p => p.Uuid == local.Uuid);
        Assert.Equal(3, main.Total);
        Assert.Equal(3, harbourActive.Total);
        Assert.Contains(harbourActive.Items, p => p.Uuid == local.Uuid);
        Assert.Equal("Retired", Assert.Single(inactive.Items).LastName);
    }

    [Fact]
    public async Task The_guide_appointment_types_are_served_and_filtered_by_active()
    {
        _sandbox.SeedAppointmentType(new AppointmentType { Code = "OLD", Name = "Archived", DurationMinutes = 20, Color = "#000000", IsActive = false });
        var client = Sandboxes.Client(_sandbox);

        var active = await client.AppointmentTypes.ListAsync(isActive: true);
        var all = await client.AppointmentTypes.ListAsync();

        Assert.Equal(["NPE", "HYG", "EMG"], active.Items.Select(t => t.Code));
        Assert.Equal([60, 45, 30], active.Items.Select(t => t.DurationMinutes));
        Assert.Equal(["#4f46e5", "#059669", "#dc2626"], active.Items.Select(t => t.Color));
        Assert.Equal(["New Patient Exam", "Hygiene / Cleaning", "Emergency Visit"], active.Items.Select(t => t.Name));
        Assert.Equal([true, false, true], active.Items.Select(t => t.RequiresExam));
        Assert.Equal(4, all.Total);
    }

    [Fact]
    public async Task A_malformed_location_filter_is_a_400_as_the_operation_documents_no_422()
    {
        using var http = _sandbox.CreateHttpClient();

        var problem = await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/providers?location_uuid=main-street"), 400, "malformed-request");

        Assert.Equal("Invalid query: location_uuid must be a UUID.", (string?)problem["detail"]);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
