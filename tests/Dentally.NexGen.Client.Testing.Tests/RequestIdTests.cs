using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>Every response carries X-Request-Id; problem bodies repeat it; the journal records it.</summary>
public sealed class RequestIdTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public async Task Every_response_has_a_unique_X_Request_Id_and_problems_repeat_it()
    {
        using var http = _sandbox.CreateHttpClient();
        using var anonymous = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        var org = Raw.Org(_sandbox);
        _sandbox.InjectFault("GET", "/v2/sites/{site_uuid}", SandboxFault.Status(503));
        _sandbox.InjectFault("GET", "/v2/sites", SandboxFault.MalformedBody());

        var responses = new List<HttpResponseMessage>
        {
            await Raw.GetAsync(http, org + "/providers"),                                      // 200
            await Raw.PostAsync(http, org + "/appointments", Bodies.AppointmentJson()),        // 201
            await Raw.PostAsync(http, org + "/appointments", Bodies.AppointmentJson()),        // 409
            await Raw.PostAsync(http, org + "/appointments", "{"),                             // 400
            await Raw.GetAsync(anonymous, org + "/providers"),                                 // 401
            await Raw.GetAsync(http, "/api/v1/org_other/providers"),                           // 403
            await Raw.GetAsync(http, org + "/patients/" + Guid.NewGuid()),                     // 404
            await Raw.GetAsync(http, org + "/patients?page_size=0"),                           // 422
            await Raw.GetAsync(http, "/v2/sites/" + SandboxSeed.MainStreetDental),             // injected 503
            await Raw.GetAsync(http, "/v2/sites"),                                             // injected malformed body
        };

        Assert.Equal([200, 201, 409, 400, 401, 403, 404, 422, 503, 200], responses.Select(r => (int)r.StatusCode));
        var ids = responses.Select(Raw.RequestId).ToList();
        Assert.All(ids, id => Assert.Matches("^req_[0-9A-Z]{26}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (var response in responses.Where(r => (int)r.StatusCode >= 400))
        {
            Assert.Equal(Raw.RequestId(response), (string?)(await Raw.JsonAsync(response))["request_id"]);
        }

        Assert.Equal(ids, _sandbox.ReceivedRequests.Select(r => r.RequestId));
    }

    [Fact]
    public async Task The_SDK_exception_carries_the_request_id()
    {
        var client = Sandboxes.Client(_sandbox);

        var error = await Assert.ThrowsAsync<NexGenNotFoundException>(() => client.Appointments.GetAsync(Guid.NewGuid()));

        Assert.Equal(_sandbox.ReceivedRequests.Single().RequestId, error.RequestId);
    }

    [Fact]
    public async Task Received_requests_record_method_path_query_headers_and_body()
    {
        var client = Sandboxes.Client(_sandbox);
        await client.Patients.SearchAsync("Smith, J", page: 2, pageSize: 5);
        await client.Appointments.CreateAsync(Bodies.Appointment(), idempotencyKey: "key-1");

        var requests = _sandbox.ReceivedRequests;

        Assert.Equal("GET", requests[0].Method);
        Assert.Equal("/api/v1/org_7f3c2a9e/patients", requests[0].Path);
        Assert.Equal("Smith, J", requests[0].QueryParameters["query"]);
        Assert.Equal("2", requests[0].QueryParameters["page"]);
        Assert.Equal("5", requests[0].QueryParameters["page_size"]);
        Assert.Contains("query=", requests[0].Query, StringComparison.Ordinal);
        Assert.Equal("GET /api/v1/org_7f3c2a9e/patients?query=…&page=…&page_size=…", requests[0].ToString()); // no patient name
        Assert.Null(requests[0].Body);
        Assert.Equal("POST", requests[1].Method);
        Assert.Equal("key-1", requests[1].Header("idempotency-key"));
        Assert.Equal("practice_42", requests[1].Header("X-Practice-Id"));
        Assert.StartsWith("Bearer ", requests[1].Header("Authorization"), StringComparison.Ordinal);
        Assert.Contains("\"scheduled_start\":\"2025-05-20T10:00:00\"", requests[1].Body, StringComparison.Ordinal);
        Assert.Equal("POST /api/v1/org_7f3c2a9e/appointments", requests[1].ToString());

        _sandbox.ClearReceivedRequests();
        Assert.Empty(_sandbox.ReceivedRequests);
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
