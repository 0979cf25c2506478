using System.Net;
using System.Text;
using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Dentally.NexGen.Client.Tests.Workflow.WorkflowStub;

namespace Dentally.NexGen.Client.Tests.Reliability;

/// <summary>
/// Responses a broken proxy or a dying server sends: every body is read within the timeouts and the
/// caller's token, bounded in size, and ends in a typed exception (retried where that is safe).
/// </summary>
public sealed class HostileResponseTests
{
    private const string RequestId = "req_hostile_01";

    [Fact]
    public async Task An_error_body_that_stalls_after_the_headers_ends_at_the_overall_timeout()
    {
        using var transport = new ScriptedHandler();
        for (var i = 0; i < 4; i++)
        {
            transport.ThenStalledBody(HttpStatusCode.ServiceUnavailable, RequestId);
        }

        var clock = new TestClock();
        var client = SdkHarness.ClientOver(transport, o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout = o.OverallTimeout = TimeSpan.FromMilliseconds(300);
        });

        var call = client.Providers.ListAsync();
        await Waiting.UntilAsync(() => transport.StalledReads == 1 && clock.IsArmed(TimeSpan.FromMilliseconds(300)), "the body read under the overall timeout");
        clock.Advance(TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<NexGenTimeoutException>(() => call.WaitAsync(Waiting.Patience));
        Assert.Equal(1, transport.Attempts);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId);
        Assert.Contains("body did not arrive within the timeout (0.3 s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_body_that_stalls_on_every_attempt_ends_in_a_timeout_naming_the_status_and_request_id()
    {
        using var transport = new ScriptedHandler().ThenStalledBody(HttpStatusCode.OK, "req_first").ThenStalledBody(HttpStatusCode.OK, RequestId);
        var clock = new TestClock { AutoAdvanceUpTo = TimeSpan.FromMilliseconds(1) }; // the retry's delay passes at once
        var client = SdkHarness.ClientOver(transport, o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout = TimeSpan.FromSeconds(1);
            o.OverallTimeout = TimeSpan.FromSeconds(10);
            o.Retry = new NexGenRetryOptions { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false };
        });

        var call = client.Providers.ListAsync();
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await Waiting.UntilAsync(() => transport.StalledReads == attempt && clock.IsArmed(TimeSpan.FromSeconds(1)), $"attempt {attempt}'s body read");
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        var error = await Assert.ThrowsAsync<NexGenTimeoutException>(() => call.WaitAsync(Waiting.Patience));
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId); // the last attempt's
        Assert.Contains("after 2 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_error_body_that_stalls_after_the_headers_ends_when_the_caller_cancels()
    {
        using var transport = new ScriptedHandler().ThenStalledBody(HttpStatusCode.InternalServerError).ThenStalledBody(HttpStatusCode.InternalServerError);
        var client = SdkHarness.ClientOver(transport, _ => { });
        using var cancellation = new CancellationTokenSource();

        var call = client.Providers.ListAsync(cancellationToken: cancellation.Token);
        await Waiting.UntilAsync(() => transport.StalledReads == 1, "the body read");
        await cancellation.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Waiting.Patience));
        Assert.Equal(1, transport.Attempts);
        Assert.Equal(cancellation.Token, error.CancellationToken);
        for (Exception? inner = error; inner is not null; inner = inner.InnerException)
        {
            Assert.DoesNotContain("timeout", inner.Message, StringComparison.OrdinalIgnoreCase); // the caller cancelled; nothing timed out
        }
    }

    [Fact]
    public async Task A_declared_length_over_the_limit_is_a_typed_transport_failure_read_no_further_and_retried()
    {
        using var transport = new ScriptedHandler();
        for (var i = 0; i < 4; i++)
        {
            transport.Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, Bodies.EmptyProviders, declaredLength: 2L * 1024 * 1024 * 1024)));
        }

        var client = SdkHarness.ClientOver(transport, _ => { });

        var error = await Assert.ThrowsAsync<NexGenTransportException>(() => client.Providers.ListAsync());

        Assert.Equal(200, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId);
        Assert.Contains("larger than the limit", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, transport.Attempts);
    }

    [Fact]
    public async Task A_huge_declared_length_with_a_short_body_costs_memory_for_the_bytes_received_only()
    {
        var answered = 0;
        using var transport = new ScriptedHandler();
        for (var i = 0; i < 4; i++)
        {
            transport.Then((_, _) =>
            {
                Interlocked.Increment(ref answered);
                return Task.FromResult(Answer(HttpStatusCode.OK, Bodies.EmptyProviders, declaredLength: 1024L * 1024 * 1024));
            });
        }

        var client = SdkHarness.ClientOver(transport, o => o.MaxResponseBodySize = 1024L * 1024 * 1024);
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var error = await Assert.ThrowsAsync<NexGenTransportException>(() => client.Providers.ListAsync());

        // 1 GiB declared four times: a buffer of the declared size would allocate 4 GiB.
        Assert.InRange(GC.GetTotalAllocatedBytes(precise: true) - before, 0, 256L * 1024 * 1024);
        Assert.Equal(200, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId);
        Assert.Contains("ended before its declared length", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, answered);
    }

    [Fact]
    public async Task A_body_cut_off_before_its_declared_length_is_retried_then_a_typed_transport_failure()
    {
        using var transport = new ScriptedHandler()
            .Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, Bodies.EmptyProviders, declaredLength: Bodies.EmptyProviders.Length + 100)))
            .Then((_, _) => Task.FromResult(Answer(HttpStatusCode.OK, Bodies.EmptyProviders)));
        var client = SdkHarness.ClientOver(transport, _ => { });

        var providers = await client.Providers.ListAsync();

        Assert.Equal(0, providers.Total);
        Assert.Equal(2, transport.Attempts);
    }

    [Theory]
    [InlineData(HttpStatusCode.OK)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task A_body_over_the_limit_without_a_declared_length_is_a_typed_transport_failure(HttpStatusCode status)
    {
        var large = "{\"items\":[],\"total\":0,\"padding\":\"" + new string('x', 10_000) + "\"}";
        using var transport = new ScriptedHandler();
        for (var i = 0; i < 4; i++)
        {
            transport.Then((_, _) => Task.FromResult(Answer(status, large, chunked: true)));
        }

        var client = SdkHarness.ClientOver(transport, o => o.MaxResponseBodySize = 4096);

        var error = await Assert.ThrowsAsync<NexGenTransportException>(() => client.Providers.ListAsync());

        Assert.Equal((int)status, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId);
        Assert.Equal(4, transport.Attempts);
    }

    [Fact]
    public async Task A_slot_conflict_with_a_thousand_suggested_slots_is_typed_and_the_workflow_rebooks_from_it()
    {
        using var harness = new SdkHarness();
        var cache = new AppointmentTypeCache();
        Types(harness);
        Search(harness, "Jane", Page(PatientJson(Jane, "Jane", "1986-04-12", Chen)));
        var slots = Enumerable.Range(0, 999)
            .Select(i => SlotJson("2025-05-21T08:00:00", "2025-05-21T09:00:00"))
            .Append(SlotJson("2025-05-20T11:00:00", "2025-05-20T12:00:00"))
            .ToArray();
        PostAt(harness, "2025-05-20T10:00:00", Conflict(slots));
        PostAt(harness, "2025-05-20T11:00:00", Created("2025-05-20T11:00:00", "2025-05-20T12:00:00"));

        var conflict = await Assert.ThrowsAsync<NexGenSlotConflictException>(() => harness.Client.Appointments.CreateAsync(Bodies.GuideAppointment()));
        var result = await new BookingWorkflow(harness.Client, cache).BookAsync(JaneNpeAtTen());

        Assert.Equal(1000, conflict.SuggestedSlots.Count);
        Assert.Equal(ProblemTypes.SlotConflict, conflict.Problem!.Type!.OriginalString);
        Assert.Equal("req_409", conflict.RequestId);
        Assert.True(result.Rebooked);
        Assert.Equal(new DateTime(2025, 5, 20, 11, 0, 0), result.Appointment.ScheduledStart);
    }

    [Theory]
    [InlineData("utf8")]
    [InlineData("no-such-charset")]
    public async Task A_problem_whose_content_type_names_a_charset_the_runtime_does_not_know_is_read_as_UTF8(string charset)
    {
        using var transport = new ScriptedHandler()
            .Then((_, _) => Task.FromResult(ProblemIn(charset, HttpStatusCode.Conflict, ProblemTypes.IdempotencyKeyInUse)))
            .Then((_, _) => Task.FromResult(ProblemIn(charset, HttpStatusCode.UnprocessableEntity, ProblemTypes.ValidationError)));
        var client = SdkHarness.ClientOver(transport, _ => { });

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() => client.Appointments.CreateAsync(Bodies.GuideAppointment()));

        Assert.Equal(2, transport.Attempts); // the 409 was read, seen to be a key in use and retried
        Assert.Equal(422, error.StatusCode);
        Assert.Equal(RequestId, error.RequestId);
        Assert.Equal("Café closed", error.Problem!.Detail);
    }

    [Fact]
    public async Task A_problem_with_a_huge_multiline_title_request_id_and_field_list_keeps_them_whole_on_the_exception_and_out_of_its_message()
    {
        var title = "Bad request\r\nforged log line " + new string('t', 100_000);
        var requestId = "req_1\nforged " + new string('r', 50_000);
        var errors = string.Join(",", Enumerable.Range(0, 5_000).Select(i => $"\"field_{i:D4}\\nforged\":[\"bad\"]"));
        var json = "{\"type\":\"" + ProblemTypes.ValidationError + "\",\"title\":" + Newtonsoft.Json.JsonConvert.ToString(title) + ",\"status\":422,\"request_id\":"
            + Newtonsoft.Json.JsonConvert.ToString(requestId) + ",\"errors\":{" + errors + "}}";
        using var transport = new ScriptedHandler().Then((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.UnprocessableEntity)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/problem+json"),
        }));
        var client = SdkHarness.ClientOver(transport, _ => { });

        var error = await Assert.ThrowsAsync<NexGenValidationException>(() => client.Appointments.CreateAsync(Bodies.GuideAppointment()));

        Assert.Equal(422, error.StatusCode);
        Assert.Equal(requestId, error.RequestId);
        Assert.Equal(title, error.Problem!.Title);
        Assert.Equal(5_000, error.Errors.Count);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\r', error.Message);
        Assert.InRange(error.Message.Length, 1, 5_000);
        Assert.StartsWith("Bad request forged log line ttt", error.Message, StringComparison.Ordinal);
        Assert.Contains("and 4975 more.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_in_use_whose_type_escapes_its_slashes_is_retried()
    {
        // "\/" is JSON for "/", and some encoders (PHP's json_encode) write every slash so.
        var escaped = ProblemTypes.IdempotencyKeyInUse.Replace("/", "\\/", StringComparison.Ordinal);
        using var transport = new ScriptedHandler()
            .ThenJson(HttpStatusCode.Conflict, $$"""{"type":"{{escaped}}","title":"Idempotency key in use","status":409}""")
            .ThenJson(HttpStatusCode.Created, Contract.GuideJson.Confirmation);
        var client = SdkHarness.ClientOver(transport, _ => { });

        var appointment = await client.Appointments.CreateAsync(Bodies.GuideAppointment());

        Assert.Equal(2, transport.Attempts);
        Assert.Equal(AppointmentStatuses.Scheduled, appointment.Status);
    }

    [Fact]
    public async Task A_slot_conflict_whose_suggested_slots_hold_null_keeps_the_other_slots_and_the_conflict()
    {
        using var transport = new ScriptedHandler().ThenJson(HttpStatusCode.Conflict, ConflictJson("null", SlotJson("2025-05-20T11:00:00", "2025-05-20T12:00:00"), "null"));
        var client = SdkHarness.ClientOver(transport, _ => { });

        var conflict = await Assert.ThrowsAsync<NexGenSlotConflictException>(() => client.Appointments.CreateAsync(Bodies.GuideAppointment()));

        Assert.Equal(new DateTime(2025, 5, 20, 11, 0, 0), Assert.Single(conflict.SuggestedSlots).ScheduledStart);
        Assert.NotNull(conflict.Conflict);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Registering_the_client_more_than_once_never_multiplies_the_retries(int registrations)
    {
        var attempts = 0;
        var services = new ServiceCollection();
        for (var i = 0; i < registrations; i++)
        {
            services.AddNexGenClient(o =>
            {
                o.BaseAddress = new Uri("http://localhost:9");
                o.OrganizationId = SdkHarness.Org;
                o.PracticeId = SdkHarness.Practice;
                o.Token = SdkHarness.Token;
                o.Retry = new NexGenRetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1), UseJitter = false };
            }).ConfigurePrimaryHttpMessageHandler(() => new CountingHandler(() => Interlocked.Increment(ref attempts)));
        }

        using var provider = services.BuildServiceProvider();

        await Assert.ThrowsAsync<NexGenServerException>(() => provider.GetRequiredService<NexGenClient>().Providers.ListAsync());

        Assert.Equal(4, attempts);
    }


    /// <summary>A response whose body is <paramref name="json"/>, optionally declaring another length or none at all.</summary>
    private static HttpResponseMessage Answer(HttpStatusCode status, string json, long? declaredLength = null, bool chunked = false)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        content.Headers.ContentLength = chunked ? null : declaredLength ?? bytes.Length;
        var response = new HttpResponseMessage(status) { Content = content };
        response.Headers.TryAddWithoutValidation("X-Request-Id", RequestId);
        return response;
    }

    /// <summary>A problem of <paramref name="type"/>, its UTF-8 bytes labelled with <paramref name="charset"/>.</summary>
    private static HttpResponseMessage ProblemIn(string charset, HttpStatusCode status, string type)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","title":"Refused","status":{{(int)status}},"detail":"Café closed"}"""));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/problem+json; charset=" + charset);
        var response = new HttpResponseMessage(status) { Content = content };
        response.Headers.TryAddWithoutValidation("X-Request-Id", RequestId);
        return response;
    }

    private sealed class CountingHandler(Action count) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            count();
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{}") });
        }
    }
}
