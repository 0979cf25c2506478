namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>A fault that could never strike is refused when it is set, naming the operations it could have meant.</summary>
public sealed class RouteValidationTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public void A_short_path_is_refused_with_the_full_templates_it_could_have_meant()
    {
        var error = Assert.Throws<ArgumentException>(() => _sandbox.InjectFault("POST", "/appointments", SandboxFault.Status(503)));

        Assert.Equal("pathTemplate", error.ParamName);
        Assert.Contains("POST /api/v1/{org_id}/appointments", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET /api/v1/{org_id}/appointments", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/v2/sites", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_method_the_path_does_not_take_is_refused_with_the_methods_it_does()
    {
        var error = Assert.Throws<ArgumentException>(() => _sandbox.InjectFault("DELETE", "/api/v1/{org_id}/appointments/{appointment_uuid}", SandboxFault.Status(500)));

        Assert.Contains("GET /api/v1/{org_id}/appointments/{appointment_uuid}", error.Message, StringComparison.Ordinal);
        Assert.Contains("PATCH /api/v1/{org_id}/appointments/{appointment_uuid}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_like_nothing_in_the_contract_lists_every_operation()
    {
        var error = Assert.Throws<ArgumentException>(() => _sandbox.InjectFault("GET", "/health", SandboxFault.Status(500)));

        Assert.Contains("GET /v2/sites", error.Message, StringComparison.Ordinal);
        Assert.Contains("GET /api/v1/{org_id}/schedule/availability", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/api/v1/{org_id}/appointments")]
    [InlineData("post", "/api/v1/{org_id}/appointments/")]
    [InlineData("GET", "/api/v1/org_123/appointments/{id}")]
    [InlineData("*", "/v2/*")]
    [InlineData("*", "*")]
    [InlineData("GET", "/api/v1/*/providers")]
    public void Templates_that_match_an_operation_are_accepted(string method, string path)
    {
        var fault = _sandbox.InjectFault(method, path, SandboxFault.Status(503));

        Assert.Equal(1, fault.Remaining);
    }

    [Fact]
    public async Task A_literal_organisation_in_the_path_still_strikes()
    {
        _sandbox.InjectFault("GET", $"/api/v1/{_sandbox.OrganizationId}/providers", SandboxFault.Status(503));
        using var http = _sandbox.CreateHttpClient();

        var response = await http.GetAsync(new Uri($"/api/v1/{_sandbox.OrganizationId}/providers", UriKind.Relative));

        Assert.Equal(503, (int)response.StatusCode);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
