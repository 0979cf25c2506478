using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>Injected faults: status codes with Retry-After, delays, dropped connections, broken bodies, and which requests they strike.</summary>
public sealed class FaultInjectionTests : IAsyncDisposable
{
    private const string Providers = "/api/v1/{org_id}/providers";
    private readonly TestClock _clock = new();
    private readonly NexGenSandbox _sandbox;

    public FaultInjectionTests() => _sandbox = NexGenSandbox.Start(new NexGenSandboxOptions { TimeProvider = _clock });

    [Fact]
    public async Task A_503_with_Retry_After_is_a_server_error_problem_and_strikes_once()
    {
        var fault = _sandbox.InjectFault("GET", Providers, SandboxFault.Status(503, TimeSpan.FromSeconds(1.2)));
        using var http = _sandbox.CreateHttpClient();

        var failed = await Raw.GetAsync(http, Raw.Org(_sandbox) + "/providers");
        var next = await Raw.GetAsync(http, Raw.Org(_sandbox) + "/providers");

        var problem = await Raw.ProblemAsync(failed, 503, "server-error");
        Assert.Equal("Service unavailable", (string?)problem["title"]);
        Assert.Equal("2", failed.Headers.GetValues("Retry-After").Single());
        Assert.Equal(200, (int)next.StatusCode);
        Assert.Equal((1, 0), (fault.Applied, fault.Remaining));
    }

    [Fact]
    public async Task The_SDK_retries_a_GET_through_a_503_and_succeeds()
    {
        _sandbox.InjectFault("GET", Providers, SandboxFault.Status(503, TimeSpan.FromSeconds(1)));
        var client = Sandboxes.Client(_sandbox);

        var providers = await client.Providers.ListAsync();

        Assert.Equal(2, providers.Total);
        Assert.Equal(2, _sandbox.ReceivedRequests.Count);
    }

    [Fact]
    public async Task Rate_limiting_beyond_the_retries_surfaces_as_NexGenRateLimitedException()
    {
        _sandbox.InjectFault("GET", Providers, SandboxFault.Status(429, TimeSpan.FromSeconds(1)), times: 4);
        var client = Sandboxes.Client(_sandbox);

        var error = await Assert.ThrowsAsync<NexGenRateLimitedException>(() => client.Providers.ListAsync());

        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        Assert.Equal(ProblemTypes.RateLimited, error.ProblemType);
        Assert.Equal(4, _sandbox.ReceivedRequests.Count);
    }

    [Fact]
    public async Task A_delay_holds_the_request_then_answers_normally()
    {
        var hold = TimeSpan.FromMilliseconds(200);
        _sandbox.InjectFault("GET", Providers, SandboxFault.Delay(hold));
        using var http = _sandbox.CreateHttpClient();

        var call = Raw.GetAsync(http, Raw.Org(_sandbox) + "/providers");
        await _clock.WhenArmedAsync(hold);
        _clock.Advance(hold - TimeSpan.FromMilliseconds(1));
        Assert.True(_clock.IsArmed(TimeSpan.FromMilliseconds(1)), "the request should still be held");
        Assert.False(call.IsCompleted);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var response = await call.WaitAsync(Waiting.Patience);

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task A_dropped_connection_is_an_IO_error_and_the_SDK_retries_a_GET()
    {
        _sandbox.InjectFault("GET", Providers, SandboxFault.DropConnection());
        using var http = _sandbox.CreateHttpClient();

        await Assert.ThrowsAsync<HttpRequestException>(() => Raw.GetAsync(http, Raw.Org(_sandbox) + "/providers"));

        _sandbox.InjectFault("GET", Providers, SandboxFault.DropConnection());
        var client = Sandboxes.Client(_sandbox);
        Assert.Equal(2, (await client.Providers.ListAsync()).Total);
        Assert.Equal(3, _sandbox.ReceivedRequests.Count);
    }

    [Fact]
    public async Task A_malformed_body_is_cut_short_and_the_SDK_retries_the_GET()
    {
        var fault = _sandbox.InjectFault("GET", Providers, SandboxFault.MalformedBody(), times: 2);
        using var http = _sandbox.CreateHttpClient();
        var client = Sandboxes.Client(_sandbox);

        var response = await Raw.GetAsync(http, Raw.Org(_sandbox) + "/providers");
        var body = await response.Content.ReadAsStringAsync();
        var providers = await client.Providers.ListAsync();

        Assert.Equal(200, (int)response.StatusCode);
        Assert.StartsWith("{\"items\":[", body, StringComparison.Ordinal);
        Assert.ThrowsAny<Newtonsoft.Json.JsonException>(() => Raw.Parse(body));
        Assert.Equal(2, fault.Applied);
        Assert.NotEmpty(providers.Items);
    }

    [Fact]
    public async Task A_body_that_stays_malformed_is_a_transport_error_with_status_and_request_id()
    {
        _sandbox.InjectFault("GET", Providers, SandboxFault.MalformedBody(), times: 100);
        var client = Sandboxes.Client(_sandbox);

        var error = await Assert.ThrowsAsync<NexGenTransportException>(() => client.Providers.ListAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.NotNull(error.RequestId);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(error.InnerException!.InnerException);
    }

    [Fact]
    public async Task An_empty_body_keeps_the_status_and_headers()
    {
        _sandbox.InjectFault("GET", Providers, SandboxFault.EmptyBody());
        using var http = _sandbox.CreateHttpClient();

        var response = await Raw.GetAsync(http, Raw.Org(_sandbox) + "/providers");

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal(string.Empty, await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(Raw.RequestId(response));
    }

    [Fact]
    public async Task A_fault_strikes_only_matching_requests_for_its_count()
    {
        var fault = _sandbox.InjectFault("POST", "/api/v1/{org_id}/appointments", SandboxFault.Status(500), times: 2);
        using var http = _sandbox.CreateHttpClient();
        var org = Raw.Org(_sandbox);

        var statuses = new List<int>
        {
            (int)(await Raw.GetAsync(http, org + "/appointments")).StatusCode,
            (int)(await Raw.PostAsync(http, org + "/patients", """{"first_name":"A","last_name":"B","date_of_birth":"2000-01-01"}""")).StatusCode,
            (int)(await Raw.PostAsync(http, org + "/appointments", Bodies.AppointmentJson())).StatusCode,
            (int)(await Raw.PostAsync(http, org + "/appointments", Bodies.AppointmentJson())).StatusCode,
            (int)(await Raw.PostAsync(http, org + "/appointments", Bodies.AppointmentJson())).StatusCode,
        };

        Assert.Equal([200, 201, 500, 500, 201], statuses);
        Assert.Equal((2, 0), (fault.Applied, fault.Remaining));
        Assert.Contains("POST /api/v1/{org_id}/appointments", fault.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Predicates_any_method_wildcards_and_cancelling()
    {
        using var http = _sandbox.CreateHttpClient();
        var byHeader = _sandbox.InjectFaultWhere(r => r.Header("Idempotency-Key") == "poison", SandboxFault.Status(502), times: 10);
        var anyMethod = _sandbox.InjectFault("*", "/v2/*", SandboxFault.Status(504));

        var poisoned = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/patients", "{}", "poison");
        var site = await Raw.GetAsync(http, "/v2/sites/" + SandboxSeed.MainStreetDental);
        byHeader.Cancel();
        var afterCancel = await Raw.PostAsync(http, Raw.Org(_sandbox) + "/patients", """{"first_name":"A","last_name":"B","date_of_birth":"2000-01-01"}""", "poison");

        await Raw.ProblemAsync(poisoned, 502, "server-error");
        await Raw.ProblemAsync(site, 504, "server-error");
        Assert.Equal(201, (int)afterCancel.StatusCode);
        Assert.Equal((1, 0), (byHeader.Applied, byHeader.Remaining));
        Assert.Equal(1, anyMethod.Applied);
    }

    [Theory]
    [InlineData(400, "malformed-request")]
    [InlineData(401, "unauthorized")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "not-found")]
    [InlineData(408, "request-timeout")]
    [InlineData(422, "validation-error")]
    public async Task Status_faults_carry_a_problem_of_the_matching_type(int status, string type)
    {
        _sandbox.InjectFault("GET", Providers, SandboxFault.Status(status));
        using var http = _sandbox.CreateHttpClient();

        await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/providers"), status, type);
    }

    [Fact]
    public void Faults_are_validated_and_describe_themselves()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SandboxFault.Status(200));
        Assert.Throws<ArgumentOutOfRangeException>(() => SandboxFault.Delay(TimeSpan.FromSeconds(-1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _sandbox.InjectFault("GET", "/v2/sites", SandboxFault.DropConnection(), times: 0));
        Assert.Equal("Status 503 after commit", SandboxFault.Status(503).AfterCommit().ToString());
        Assert.True(SandboxFault.MalformedBody().IsAfterCommit);
        Assert.False(SandboxFault.DropConnection().IsAfterCommit);
    }

    [Fact]
    public async Task ClearFaults_cancels_every_fault()
    {
        var fault = _sandbox.InjectFault("*", "*", SandboxFault.Status(503), times: 5);
        var client = Sandboxes.Client(_sandbox);

        _sandbox.ClearFaults();

        Assert.Equal(2, (await client.Providers.ListAsync()).Total);
        Assert.Equal(0, fault.Remaining);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
