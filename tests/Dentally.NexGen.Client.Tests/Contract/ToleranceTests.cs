using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Dentally.NexGen.Client.Tests.Contract;

/// <summary>The client accepts everything the contract allows, including values and fields it does not know yet.</summary>
public sealed class ToleranceTests : IDisposable
{
    private readonly WireMockApi _api = new();

    [Fact]
    public async Task An_unknown_appointment_status_and_unknown_fields_are_passed_through()
    {
        var body = GuideJson.Confirmation.Replace("\"status\": \"scheduled\"", "\"status\": \"no_show\", \"no_show_reason\": \"did not attend\"", StringComparison.Ordinal);
        _api.Server.Given(Request.Create().UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));

        var appointment = await _api.Clients.Appointments.GetAppointmentAsync(OperationCase.Org, OperationCase.AppointmentUuid);

        Assert.Equal("no_show", appointment.Status);
        Assert.Equal("did not attend", appointment.AdditionalProperties["no_show_reason"]?.ToString());
    }

    [Fact]
    public async Task Unknown_opening_days_and_conflict_resources_do_not_throw()
    {
        _api.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(409).WithHeader("Content-Type", "application/problem+json")
                .WithBody("""{"type":"https://docs.api.dentally.com/problems/slot-conflict","title":"Slot conflict","status":409,"conflict":{"resource":"x_ray_room","resource_uuid":"d4e5f6a7-b8c9-0123-defa-234567890123","scheduled_start":"2025-05-20T09:30:00","scheduled_end":"2025-05-20T10:30:00"}}"""));

        var conflict = await Assert.ThrowsAsync<NexGenSlotConflictException>(() => _api.Clients.Appointments.CreateAppointmentAsync(
            new AppointmentCreate { ScheduledStart = new DateTime(2025, 5, 20, 10, 0, 0), ScheduledEnd = new DateTime(2025, 5, 20, 11, 0, 0) }, OperationCase.Org));

        Assert.Equal("x_ray_room", conflict.Conflict!.Resource);
        Assert.Empty(conflict.SuggestedSlots);
    }

    [Theory]
    [InlineData(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", typeof(NexGenServerException))]
    [InlineData(503, "application/problem+json", "", typeof(NexGenServerException))]
    [InlineData(500, "application/problem+json", "{\"type\": \"https://docs.api.dentally.com/problems/server-error\", \"title\": ", typeof(NexGenServerException))]
    [InlineData(404, "application/json", "[1,2,3]", typeof(NexGenNotFoundException))]
    [InlineData(422, "application/problem+json", "{\"title\":\"no type member\"}", typeof(NexGenValidationException))]
    [InlineData(418, "text/plain", "I'm a teapot: Jane Smith, 1986-04-12", typeof(NexGenApiException))]
    public async Task A_body_that_is_not_problem_json_still_gives_a_typed_exception(int status, string contentType, string body, Type expected)
    {
        _api.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithHeader("X-Request-Id", "req_proxy_1").WithBody(body));

        var exception = await Assert.ThrowsAnyAsync<NexGenApiException>(() => _api.Clients.Patients.GetPatientAsync(OperationCase.Org, OperationCase.PatientUuid));

        Assert.IsType(expected, exception);
        Assert.Equal(status, exception.StatusCode);
        Assert.Equal("req_proxy_1", exception.RequestId);
        Assert.Contains("HTTP " + status, exception.Message, StringComparison.Ordinal);
        Assert.Contains("req_proxy_1", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("<html>", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_body_that_is_not_the_documented_json_gives_a_typed_exception_without_the_body()
    {
        _api.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("X-Request-Id", "req_bad_body")
                .WithBody("""{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Jane","""));

        var exception = await Assert.ThrowsAsync<NexGenApiException>(() => _api.Clients.Patients.GetPatientAsync(OperationCase.Org, OperationCase.PatientUuid));

        Assert.Equal(200, exception.StatusCode);
        Assert.Equal("req_bad_body", exception.RequestId);
        Assert.DoesNotContain("Jane", exception.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_request_id_falls_back_to_the_problem_body()
    {
        _api.Server.Given(Request.Create().UsingAnyMethod())
            .RespondWith(Response.Create().WithStatusCode(404).WithHeader("Content-Type", "application/problem+json")
                .WithBody("""{"type":"https://docs.api.dentally.com/problems/not-found","title":"Resource not found","status":404,"request_id":"req_in_body"}"""));

        var exception = await Assert.ThrowsAsync<NexGenNotFoundException>(() => _api.Clients.Patients.GetPatientAsync(OperationCase.Org, OperationCase.PatientUuid));

        Assert.Equal("req_in_body", exception.RequestId);
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_is_read_as_a_delay_from_the_servers_Date()
    {
        // The server's own Date header is the reference, so clock skew (and how long the answer took)
        // does not count: the delay is exactly the minute between the two dates.
        var sent = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        using var transport = new ScriptedHandler().Then((_, _) =>
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests)
            {
                Content = new StringContent("""{"type":"https://docs.api.dentally.com/problems/rate-limited","title":"Too many requests","status":429}""", System.Text.Encoding.UTF8, "application/problem+json"),
            };
            response.Headers.Date = sent;
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(sent.AddSeconds(60));
            return Task.FromResult(response);
        });
        var client = SdkHarness.ClientOver(transport, o => o.Retry.MaxRetries = 0);

        var exception = await Assert.ThrowsAsync<NexGenRateLimitedException>(() => client.Sites.ListAsync());

        Assert.Equal(TimeSpan.FromSeconds(60), exception.RetryAfter);
    }

    [Fact]
    public async Task Retry_After_as_an_HTTP_date_without_a_Date_header_is_measured_on_the_options_clock()
    {
        // Nothing else says when the answer was sent: the clock the client's timeouts and delays run on
        // is the reference, never the machine's, so a test clock gives the same delay on every machine.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        using var transport = new ScriptedHandler().Then((_, _) =>
        {
            var response = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests)
            {
                Content = new StringContent("""{"type":"https://docs.api.dentally.com/problems/rate-limited","title":"Too many requests","status":429}""", System.Text.Encoding.UTF8, "application/problem+json"),
            };
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(clock.GetUtcNow().AddSeconds(45));
            return Task.FromResult(response);
        });
        var client = SdkHarness.ClientOver(transport, o =>
        {
            o.Retry.MaxRetries = 0;
            o.TimeProvider = clock;
        });

        var exception = await Assert.ThrowsAsync<NexGenRateLimitedException>(() => client.Sites.ListAsync());

        Assert.Equal(TimeSpan.FromSeconds(45), exception.RetryAfter);
    }

    public void Dispose() => _api.Dispose();
}
