using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>Patient search (partial, case-insensitive), registration and lookup.</summary>
public sealed class PatientsTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public async Task Searching_Smith_returns_the_guide_example_exactly()
    {
        using var http = _sandbox.CreateHttpClient();

        var page = await Raw.JsonAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/patients?query=Smith&page=1&page_size=5"));

        var expected = """
            {"items":[
              {"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Jane","last_name":"Smith","date_of_birth":"1986-04-12","primary_phone":"+1-415-555-0148","email":"jane.smith@example.com","preferred_provider_uuid":"d4e5f6a7-b8c9-0123-defa-234567890123"},
              {"uuid":"f0e1d2c3-b4a5-6789-0123-456789abcdef","first_name":"Jonathan","last_name":"Smith","date_of_birth":"1972-11-30","primary_phone":"+1-415-555-0223","email":"j.smith@example.com"}],
             "page":1,"page_size":5,"total":2}
            """;
        Raw.JsonEqual(expected, page);
    }

    [Theory]
    [InlineData("smi", 2)]
    [InlineData("JANE", 1)]
    [InlineData("jon", 1)]
    [InlineData("jane smith", 1)]
    [InlineData("Jane  Smith", 1)]
    [InlineData("e s", 1)]
    [InlineData("an sm", 1)]
    [InlineData("Nobody", 0)]
    public async Task Search_matches_first_last_or_both_partially_ignoring_case(string query, int expected)
    {
        var client = Sandboxes.Client(_sandbox);

        var page = await client.Patients.SearchAsync(query);

        Assert.Equal(expected, page.Total);
    }

    [Fact]
    public async Task Search_pages_and_without_a_query_lists_everyone()
    {
        for (var i = 0; i < 5; i++)
        {
            _sandbox.SeedPatient(new Patient { FirstName = "Sam", LastName = "Smithers" + i, DateOfBirth = new DateTime(2000, 1, 1) });
        }

        var client = Sandboxes.Client(_sandbox);

        var second = await client.Patients.SearchAsync("smith", page: 2, pageSize: 3);
        var everyone = await client.Patients.SearchAsync(null);

        Assert.Equal((2, 3, 7), (second.Page, second.PageSize, second.Total));
        Assert.Equal(3, second.Items.Count);
        Assert.Equal(7, everyone.Total);
        Assert.Equal(7, await client.Patients.SearchAllAsync("smith", pageSize: 2).CountAsync());
    }

    [Fact]
    public async Task Create_returns_201_with_Location_and_the_patient_can_then_be_found()
    {
        using var http = _sandbox.CreateHttpClient();

        var response = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/patients", """{"first_name":"Ada","last_name":"Lovelace","date_of_birth":"1990-12-10","email":"ada@example.com","preferred_provider_uuid":"0f1e2d3c-4b5a-4697-8877-665544332211"}""");

        Assert.Equal(201, (int)response.StatusCode);
        var created = await Raw.JsonAsync(response);
        var uuid = (string)created["uuid"]!;
        Assert.Equal($"/api/v1/org_7f3c2a9e/patients/{uuid}", response.Headers.Location!.OriginalString);
        Assert.Equal("1990-12-10", (string?)created["date_of_birth"]);
        var client = Sandboxes.Client(_sandbox);
        var fetched = await client.Patients.GetAsync(Guid.Parse(uuid));
        Assert.Equal(("Ada", "Lovelace", SandboxSeed.PriyaNatarajan), (fetched.FirstName, fetched.LastName, fetched.PreferredProviderUuid));
        Assert.Equal(1, (await client.Patients.SearchAsync("lovelace")).Total);
    }

    [Fact]
    public async Task The_SDK_creates_a_patient()
    {
        var client = Sandboxes.Client(_sandbox);

        var created = await client.Patients.CreateAsync(Bodies.Patient());

        Assert.Equal(new DateTime(1990, 12, 10), created.DateOfBirth);
        Assert.Contains(_sandbox.GetPatients(), p => p.Uuid == created.Uuid);
    }

    [Fact]
    public async Task Invalid_fields_are_a_422_listing_each_field()
    {
        using var http = _sandbox.CreateHttpClient();

        var response = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/patients", """{"first_name":"","date_of_birth":"12/04/1986","email":"not-an-email","preferred_provider_uuid":"00000000-0000-0000-0000-000000000001"}""");

        var problem = await Raw.ProblemAsync(response, 422, "validation-error");
        Assert.Equal(["must not be empty"], Raw.Errors(problem, "first_name"));
        Assert.Equal(["is required"], Raw.Errors(problem, "last_name"));
        Assert.Equal(["must be a date in the form yyyy-MM-dd"], Raw.Errors(problem, "date_of_birth"));
        Assert.Equal(["must be an email address"], Raw.Errors(problem, "email"));
        Assert.Equal(["does not match any provider"], Raw.Errors(problem, "preferred_provider_uuid"));
        Assert.DoesNotContain(_sandbox.GetPatients(), p => p.FirstName.Length == 0);
    }

    [Fact]
    public async Task The_SDK_surfaces_the_errors_map()
    {
        var client = Sandboxes.Client(_sandbox);
        var patient = Bodies.Patient();
        patient.DateOfBirth = DateTime.UtcNow.Date.AddDays(2);

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() => client.Patients.CreateAsync(patient));

        Assert.Equal(["must not be in the future"], error.Errors["date_of_birth"]);
    }

    [Fact]
    public async Task A_body_that_is_not_JSON_is_a_400()
    {
        using var http = _sandbox.CreateHttpClient();

        await Raw.ProblemAsync(await Raw.PostAsync(http, Raw.Org(_sandbox) + "/patients", "{\"first_name\":"), 400, "malformed-request");
        await Raw.ProblemAsync(await Raw.PostAsync(http, Raw.Org(_sandbox) + "/patients", "[1,2]"), 400, "malformed-request");
    }

    [Fact]
    public async Task Get_unknown_or_malformed_uuid_is_a_404()
    {
        using var http = _sandbox.CreateHttpClient();

        await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/patients/" + Guid.NewGuid()), 404, "not-found");
        await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/patients/not-a-uuid"), 404, "not-found");
    }

    [Fact]
    public async Task An_empty_or_too_long_query_is_a_422()
    {
        using var http = _sandbox.CreateHttpClient();

        await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/patients?query="), 422, "validation-error");
        await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/patients?query=" + new string('a', 201)), 422, "validation-error");
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
