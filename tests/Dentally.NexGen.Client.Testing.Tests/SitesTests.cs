using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>GET /v2/sites and /v2/sites/{site_uuid}: the spec's two sites, paging and the active filter.</summary>
public sealed class SitesTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public async Task The_spec_example_sites_are_served_value_for_value()
    {
        var client = Sandboxes.Client(_sandbox);

        var page = await client.Sites.ListAsync();

        Assert.Equal((1, 20, 2), (page.Page, page.PageSize, page.Total));
        var main = page.Items[0];
        Assert.Equal((SandboxSeed.MainStreetDental, "Main Street Dental", "America/Los_Angeles"), (main.Uuid, main.Name, main.Timezone));
        Assert.Equal(("1450 Main Street", "Suite 200", "San Francisco", "California", "94105", "US"), (main.Address.Line1, main.Address.Line2, main.Address.Town, main.Address.County, main.Address.Postcode, main.Address.CountryCode));
        Assert.Equal(("+14155550100", "frontdesk@mainstreetdental.example.com", "https://mainstreetdental.example.com"), (main.Contact.Phone, main.Contact.Email, main.Contact.Website!.OriginalString));
        Assert.Equal(10, main.OpeningHours.Count);
        Assert.Equal(2, main.OpeningHours.Count(h => h.DayOfWeek == "monday"));
        Assert.DoesNotContain(main.OpeningHours, h => h.DayOfWeek is "saturday" or "sunday");
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero), main.CreatedAt);
        var harbour = page.Items[1];
        Assert.Equal((SandboxSeed.HarbourViewDental, "Harbour View Dental", "Europe/London"), (harbour.Uuid, harbour.Name, harbour.Timezone));
        Assert.Null(harbour.Address.Line2);
        Assert.Contains(harbour.OpeningHours, h => h is { DayOfWeek: "saturday", Opens: "09:00", Closes: "13:00" });
    }

    [Fact]
    public async Task Instants_are_written_in_UTC_with_Z()
    {
        using var http = _sandbox.CreateHttpClient();

        var site = await Raw.JsonAsync(await Raw.GetAsync(http, "/v2/sites/" + SandboxSeed.MainStreetDental));

        Assert.Equal("2024-03-01T09:00:00Z", (string?)site["created_at"]);
        Assert.Equal("2025-01-15T16:45:00Z", (string?)site["updated_at"]);
    }

    [Fact]
    public async Task Paging_and_the_active_filter_apply()
    {
        _sandbox.SeedSite(NewSite("Closed Clinic", isActive: false));
        var client = Sandboxes.Client(_sandbox);

        var second = await client.Sites.ListAsync(page: 2, pageSize: 2);
        var active = await client.Sites.ListAsync(isActive: true);
        var inactive = await client.Sites.ListAsync(isActive: false);
        var beyond = await client.Sites.ListAsync(page: 5, pageSize: 2);

        Assert.Equal((2, 2, 3), (second.Page, second.PageSize, second.Total));
        Assert.Equal("Closed Clinic", Assert.Single(second.Items).Name);
        Assert.Equal(2, active.Total);
        Assert.Equal("Closed Clinic", Assert.Single(inactive.Items).Name);
        Assert.Empty(beyond.Items);
        Assert.Equal(3, beyond.Total);
        Assert.Equal(3, await client.Sites.ListAllAsync(pageSize: 1).CountAsync());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page_size=0", "page_size")]
    [InlineData("page_size=101", "page_size")]
    public async Task Paging_out_of_range_is_a_400_naming_the_parameter_as_the_operation_documents_no_422(string query, string field)
    {
        using var http = _sandbox.CreateHttpClient();

        var problem = await Raw.ProblemAsync(await Raw.GetAsync(http, "/v2/sites?" + query), 400, "malformed-request");

        Assert.Contains(field + " must be", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("page=abc")]
    [InlineData("is_active=maybe")]
    public async Task A_query_value_of_the_wrong_type_is_a_400(string query)
    {
        using var http = _sandbox.CreateHttpClient();

        await Raw.ProblemAsync(await Raw.GetAsync(http, "/v2/sites?" + query), 400, "malformed-request");
    }

    [Fact]
    public async Task Get_returns_one_site_or_a_404()
    {
        var client = Sandboxes.Client(_sandbox);

        Assert.Equal("Harbour View Dental", (await client.Sites.GetAsync(SandboxSeed.HarbourViewDental)).Name);
        var error = await Assert.ThrowsAsync<NexGenNotFoundException>(() => client.Sites.GetAsync(Guid.NewGuid()));
        Assert.Equal(404, error.StatusCode);
    }

    private static Site NewSite(string name, bool isActive) => new()
    {
        Name = name,
        IsActive = isActive,
        Timezone = "Europe/London",
        Address = new Address { Line1 = "1 High Street", Town = "Bath", Postcode = "BA1 1AA", CountryCode = "GB" },
        Contact = new Contact { Phone = "+441225000000", Email = "closed@example.com" },
        OpeningHours = [],
        CreatedAt = DateTimeOffset.UnixEpoch,
        UpdatedAt = DateTimeOffset.UnixEpoch,
    };

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
