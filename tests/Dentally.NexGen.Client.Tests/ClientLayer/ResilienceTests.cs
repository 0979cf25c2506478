using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>Transient failures are retried when, and only when, sending again is safe.</summary>
public sealed class ResilienceTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    [InlineData(408)]
    [InlineData(429)]
    public async Task A_GET_is_retried_after_a_transient_status_then_succeeds(int status)
    {
        _harness.RespondInSequence(Request.Create().UsingGet(), SdkHarness.Problem(status, "server-error", "Boom"), SdkHarness.Json(200, Bodies.EmptyProviders));

        var providers = await _harness.Client.Providers.ListAsync();

        Assert.Equal(0, providers.Total);
        Assert.Equal(2, _harness.Requests.Count);
        Assert.All(_harness.Requests, r => Assert.Equal("Bearer " + SdkHarness.Token, r.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task Retries_stop_after_MaxRetries_with_the_typed_error()
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(503, "server-error", "Service unavailable"));

        var error = await Assert.ThrowsAsync<NexGenServerException>(() => _harness.Client.Providers.ListAsync());

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(1 + _harness.Options.Retry.MaxRetries, _harness.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task A_client_error_is_never_retried(int status)
    {
        _harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Problem(status, "whatever", "No"));

        await Assert.ThrowsAnyAsync<NexGenApiException>(() => _harness.Client.Providers.ListAsync());

        Assert.Single(_harness.Requests);
    }

    [Fact]
    public async Task A_POST_with_the_automatic_key_is_retried_with_the_same_key()
    {
        _harness.RespondInSequence(Request.Create().UsingPost(), SdkHarness.Problem(503, "server-error", "Unavailable"), SdkHarness.Json(201, Contract.GuideJson.Confirmation));

        var appointment = await _harness.Client.Appointments.CreateAsync(Bodies.GuideAppointment());

        Assert.Equal(AppointmentStatuses.Scheduled, appointment.Status);
        Assert.Equal(2, _harness.Requests.Count);
        var keys = _harness.Requests.Select(r => r.Headers!["Idempotency-Key"].Single()).ToList();
        Assert.True(Guid.TryParse(keys[0], out _), keys[0]);
        Assert.Equal(keys[0], keys[1]);
    }

    [Fact]
    public async Task Each_logical_POST_gets_its_own_automatic_key_and_a_caller_key_is_kept()
    {
        _harness.Server.Given(Request.Create().UsingPost()).RespondWith(SdkHarness.Json(201, Contract.GuideJson.Confirmation));

        await _harness.Client.Appointments.CreateAsync(Bodies.GuideAppointment());
        await _harness.Client.Appointments.CreateAsync(Bodies.GuideAppointment());
        await _harness.Client.Appointments.CreateAsync(Bodies.GuideAppointment(), idempotencyKey: "booking-42");

        var keys = _harness.Requests.Select(r => r.Headers!["Idempotency-Key"].Single()).ToList();
        Assert.NotEqual(keys[0], keys[1]);
        Assert.Equal("booking-42", keys[2]);
    }

    [Fact]
    public async Task A_POST_without_a_key_is_never_retried()
    {
        using var harness = new SdkHarness(o => o.AutomaticIdempotencyKeys = false);
        harness.Server.Given(Request.Create().UsingPost()).RespondWith(SdkHarness.Problem(503, "server-error", "Unavailable"));

        var error = await Assert.ThrowsAsync<NexGenServerException>(() => harness.Client.Appointments.CreateAsync(Bodies.GuideAppointment()));

        Assert.Equal(503, error.StatusCode);
        var request = Assert.Single(harness.Requests);
        Assert.False(request.Headers!.ContainsKey("Idempotency-Key"));
    }

    [Fact]
    public async Task A_PATCH_is_never_retried()
    {
        _harness.Server.Given(Request.Create().UsingPatch()).RespondWith(SdkHarness.Problem(503, "server-error", "Unavailable"));

        await Assert.ThrowsAsync<NexGenServerException>(() => _harness.Client.Appointments.UpdateAsync(Guid.NewGuid(), new AppointmentChanges { Notes = "x" }));

        Assert.Single(_harness.Requests);
    }

    [Fact]
    public async Task Idempotency_key_in_use_is_retried_with_the_same_key_but_a_slot_conflict_is_not()
    {
        _harness.RespondInSequence(Request.Create().UsingPost(),
            SdkHarness.Problem(409, "idempotency-key-in-use", "Idempotency key in use"),
            SdkHarness.Problem(409, "slot-conflict", "Slot conflict"));

        var error = await Assert.ThrowsAsync<NexGenSlotConflictException>(() => _harness.Client.Appointments.CreateAsync(Bodies.GuideAppointment()));

        Assert.Equal(409, error.StatusCode);
        Assert.Equal(2, _harness.Requests.Count);
        Assert.Equal(_harness.Requests[0].Headers!["Idempotency-Key"].Single(), _harness.Requests[1].Headers!["Idempotency-Key"].Single());
    }

    [Fact]
    public async Task Retry_After_in_seconds_is_honoured_on_a_fake_clock()
    {
        var (clock, harness) = OnFakeClock(maxDelay: TimeSpan.FromSeconds(30));
        using var disposeHarness = harness;
        harness.RespondInSequence(Request.Create().UsingGet(),
            SdkHarness.Problem(503, "server-error", "Unavailable").WithHeader("Retry-After", "2"),
            SdkHarness.Json(200, Bodies.EmptyProviders));

        var call = harness.Client.Providers.ListAsync();
        await clock.WhenArmedAsync(TimeSpan.FromSeconds(2));
        Assert.Single(harness.Requests);
        clock.Advance(TimeSpan.FromMilliseconds(1900));
        Assert.True(clock.IsArmed(TimeSpan.FromMilliseconds(100)), "the retry should still wait 100 ms");
        Assert.Single(harness.Requests);
        Assert.False(call.IsCompleted);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        await call.WaitAsync(Waiting.Patience);

        Assert.Equal(2, harness.Requests.Count);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_cap_waits_only_the_cap()
    {
        var (clock, harness) = OnFakeClock(maxDelay: TimeSpan.FromSeconds(5));
        using var disposeHarness = harness;
        harness.RespondInSequence(Request.Create().UsingGet(),
            SdkHarness.Problem(429, "rate-limited", "Too many requests").WithHeader("Retry-After", "3600"),
            SdkHarness.Json(200, Bodies.EmptyProviders));

        var call = harness.Client.Providers.ListAsync();
        await clock.FireAsync(TimeSpan.FromSeconds(5));
        await call.WaitAsync(Waiting.Patience);

        Assert.Equal(2, harness.Requests.Count);
    }

    [Theory]
    [InlineData(2)] // the first attempt under its own timer
    [InlineData(5)] // one pipeline: the attempt timeout as long as the overall one
    public async Task A_Retry_After_longer_than_the_time_left_gives_the_answer_at_once(int attemptSeconds)
    {
        var (_, harness) = OnFakeClock(maxDelay: TimeSpan.FromSeconds(30));
        using var disposeHarness = harness;
        harness.Options.OverallTimeout = TimeSpan.FromSeconds(5);
        harness.Options.AttemptTimeout = TimeSpan.FromSeconds(attemptSeconds);
        harness.Server.Given(Request.Create().UsingGet())
            .RespondWith(SdkHarness.Problem(429, "rate-limited", "Too many requests").WithHeader("Retry-After", "20"));

        // The clock never moves: waited out, the call would end only in the overall timeout's "no answer".
        var error = await Assert.ThrowsAsync<NexGenRateLimitedException>(() => harness.Client.Providers.ListAsync().WaitAsync(Waiting.Patience));

        Assert.Equal(TimeSpan.FromSeconds(20), error.RetryAfter);
        Assert.Equal("req_429", error.RequestId);
        Assert.Single(harness.Requests);
    }

    [Fact]
    public async Task Retries_stop_when_the_server_asks_for_a_wait_longer_than_the_time_the_call_has_left()
    {
        var (clock, harness) = OnFakeClock(maxDelay: TimeSpan.FromSeconds(30));
        using var disposeHarness = harness;
        harness.Options.OverallTimeout = TimeSpan.FromSeconds(5);
        harness.Options.AttemptTimeout = TimeSpan.FromSeconds(2);
        harness.RespondInSequence(Request.Create().UsingGet(),
            SdkHarness.Problem(503, "server-error", "Unavailable").WithHeader("Retry-After", "3"),
            SdkHarness.Problem(503, "server-error", "Unavailable").WithHeader("Retry-After", "3"),
            SdkHarness.Json(200, Bodies.EmptyProviders));

        var call = harness.Client.Providers.ListAsync();
        await clock.FireAsync(TimeSpan.FromSeconds(3));

        // 2 s left after the second answer: a 3 s wait would outlast the call.
        var error = await Assert.ThrowsAsync<NexGenServerException>(() => call.WaitAsync(Waiting.Patience));
        Assert.Equal(TimeSpan.FromSeconds(3), error.RetryAfter);
        Assert.Equal(2, harness.Requests.Count);
    }

    [Fact]
    public async Task A_slow_attempt_times_out_and_is_retried()
    {
        using var transport = new ScriptedHandler().ThenHang().ThenJson(System.Net.HttpStatusCode.OK, Bodies.EmptyProviders);
        var clock = RetryClock();
        var client = SdkHarness.ClientOver(transport, o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        });

        var call = client.Providers.ListAsync();
        await AttemptTimesOutAsync(clock, transport, attempt: 1, TimeSpan.FromMilliseconds(200));
        var providers = await call.WaitAsync(Waiting.Patience);

        Assert.Equal(0, providers.Total);
        Assert.Equal(2, transport.Attempts);
    }

    [Fact]
    public async Task A_body_that_stalls_after_the_headers_times_out_and_is_retried()
    {
        // The success body is buffered inside the attempt, so the attempt timeout must reach that read too.
        using var transport = new ScriptedHandler().ThenStalledBody().ThenJson(System.Net.HttpStatusCode.OK, Bodies.EmptyProviders);
        var clock = RetryClock();
        var client = SdkHarness.ClientOver(transport, o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        });

        var call = client.Providers.ListAsync();
        await Waiting.UntilAsync(() => transport.StalledReads == 1, "the body read");
        await AttemptTimesOutAsync(clock, transport, attempt: 1, TimeSpan.FromMilliseconds(200));
        var providers = await call.WaitAsync(Waiting.Patience);

        Assert.Equal(0, providers.Total);
        Assert.Equal(2, transport.Attempts);
    }

    [Fact]
    public async Task The_overall_timeout_reaches_a_409_body_read_to_see_whether_the_key_is_in_use()
    {
        // Deciding whether a 409 is idempotency-key-in-use needs its body, which stalls here; with the
        // attempt timeout as long as the overall one, it is the overall timeout that must end the read.
        using var transport = new ScriptedHandler().ThenStalledBody(System.Net.HttpStatusCode.Conflict);
        var clock = RetryClock();
        var client = SdkHarness.ClientOver(transport, o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(500);
            o.OverallTimeout = TimeSpan.FromMilliseconds(500);
        });

        var call = client.Providers.ListAsync();
        await Waiting.UntilAsync(() => transport.StalledReads == 1, "the body read");
        await AttemptTimesOutAsync(clock, transport, attempt: 1, TimeSpan.FromMilliseconds(500));

        await Assert.ThrowsAsync<NexGenTimeoutException>(() => call.WaitAsync(Waiting.Patience));
        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public async Task The_overall_timeout_bounds_the_call()
    {
        using var transport = new ScriptedHandler();
        for (var i = 0; i < 11; i++)
        {
            transport.ThenHang();
        }

        var clock = RetryClock();
        var client = ClientWithTimeouts(transport, clock, attempt: TimeSpan.FromMilliseconds(200), overall: TimeSpan.FromMilliseconds(500), maxRetries: 10, delay: TimeSpan.FromMilliseconds(1));

        // Attempts at 0 and 201 ms time out after 200 ms each (1 ms between them); the third, from
        // 402 ms, is still running when the overall timeout ends the call at 500 ms.
        var call = client.Providers.ListAsync();
        await AttemptTimesOutAsync(clock, transport, attempt: 1, TimeSpan.FromMilliseconds(200));
        await AttemptTimesOutAsync(clock, transport, attempt: 2, TimeSpan.FromMilliseconds(200));
        await Waiting.UntilAsync(() => transport.Attempts == 3 && clock.IsArmed(TimeSpan.FromMilliseconds(200)), "the third attempt");
        Assert.True(clock.IsArmed(TimeSpan.FromMilliseconds(98)), "the overall timeout should have 98 ms left: " + string.Join(", ", clock.Armed));
        clock.Advance(TimeSpan.FromMilliseconds(98));

        await Assert.ThrowsAsync<NexGenTimeoutException>(() => call.WaitAsync(Waiting.Patience));
        Assert.Equal(3, transport.Attempts);
    }

    [Fact]
    public async Task A_first_attempt_arms_one_timer_and_a_retry_adds_the_overall_timeout_for_the_time_left()
    {
        // The attempt timeout is shorter than the overall one, so it alone bounds the first attempt: a
        // call answered at once arms one timer. From the first retry, the overall timeout runs too.
        using var transport = new ScriptedHandler().ThenHang().ThenHang().ThenJson(System.Net.HttpStatusCode.OK, Bodies.EmptyProviders);
        var clock = RetryClock();
        var client = ClientWithTimeouts(transport, clock, attempt: TimeSpan.FromMilliseconds(200), overall: TimeSpan.FromMilliseconds(900), maxRetries: 2, delay: TimeSpan.FromMilliseconds(10));

        var call = client.Providers.ListAsync();
        await Waiting.UntilAsync(() => transport.Attempts == 1 && clock.IsArmed(TimeSpan.FromMilliseconds(200)), "the first attempt");
        Assert.Equal([TimeSpan.FromMilliseconds(200)], clock.Armed);
        clock.Advance(TimeSpan.FromMilliseconds(200));

        // 200 ms spent: the overall timeout has 700 ms left, armed as the second attempt starts 10 ms later.
        await Waiting.UntilAsync(() => transport.Attempts == 2 && clock.IsArmed(TimeSpan.FromMilliseconds(200)), "the second attempt");
        Assert.Equal([TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(690)], clock.Armed);
        clock.Advance(TimeSpan.FromMilliseconds(200));
        var providers = await call.WaitAsync(Waiting.Patience);

        Assert.Equal(0, providers.Total);
        Assert.Equal(3, transport.Attempts);
    }

    [Fact]
    public async Task An_overall_timeout_armed_for_a_time_left_with_a_fraction_of_a_millisecond_names_the_limit_set()
    {
        // Timers run in whole milliseconds: 899.5 ms left arms 899 ms, which fires while 0.5 ms is
        // still left. Which timer fired is recorded, not worked out from the clock.
        var clock = RetryClock();
        using var transport = new ScriptedHandler()
            .Then((_, _) =>
            {
                clock.Advance(TimeSpan.FromTicks(1_005_000)); // the first answer takes 100.5 ms
                return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { Content = new StringContent("{}") });
            })
            .ThenHang();
        var client = ClientWithTimeouts(transport, clock, attempt: TimeSpan.FromMilliseconds(950), overall: TimeSpan.FromSeconds(1), maxRetries: 1, delay: TimeSpan.FromMilliseconds(10));

        var call = client.Providers.ListAsync();
        await Waiting.UntilAsync(() => transport.Attempts == 2 && clock.Armed.Count == 2, "the second attempt");
        clock.Advance(clock.Armed[0]);
        var error = await Assert.ThrowsAsync<NexGenTimeoutException>(() => call.WaitAsync(Waiting.Patience));

        Assert.StartsWith("No answer within the timeout (1 s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_retries_the_attempt_timeout_alone_bounds_the_call()
    {
        // MaxRetries = 0 builds a pipeline with one timeout strategy: it must still fire, and once.
        using var transport = new ScriptedHandler().ThenHang().ThenJson(System.Net.HttpStatusCode.OK, Bodies.EmptyProviders);
        var clock = RetryClock();
        var client = SdkHarness.ClientOver(transport, o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Retry.MaxRetries = 0;
        });

        var call = client.Providers.ListAsync();
        await AttemptTimesOutAsync(clock, transport, attempt: 1, TimeSpan.FromMilliseconds(200));
        var error = await Assert.ThrowsAsync<NexGenTimeoutException>(() => call.WaitAsync(Waiting.Patience));

        Assert.Contains("0.2 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public async Task An_attempt_timeout_as_long_as_the_overall_one_still_leaves_fast_failures_retried()
    {
        // AttemptTimeout == OverallTimeout drops the attempt timeout strategy, never the retries.
        using var transport = new ScriptedHandler()
            .ThenJson(System.Net.HttpStatusCode.ServiceUnavailable, "{}")
            .ThenJson(System.Net.HttpStatusCode.OK, Bodies.EmptyProviders)
            .ThenHang();
        var clock = RetryClock();
        var client = SdkHarness.ClientOver(transport, o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout = o.OverallTimeout = TimeSpan.FromMilliseconds(300);
        });

        var providers = await client.Providers.ListAsync().WaitAsync(Waiting.Patience);
        var call = client.Providers.ListAsync();
        await AttemptTimesOutAsync(clock, transport, attempt: 3, TimeSpan.FromMilliseconds(300));
        var error = await Assert.ThrowsAsync<NexGenTimeoutException>(() => call.WaitAsync(Waiting.Patience));

        Assert.Equal(0, providers.Total);
        Assert.Contains("0.3 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, transport.Attempts);
    }

    [Fact]
    public async Task Cancellation_stops_the_call_promptly_and_is_not_retried()
    {
        using var transport = new ScriptedHandler().ThenHang().ThenHang();
        var client = new NexGenClient(_harness.Options, transport);
        using var cancellation = new CancellationTokenSource();

        var call = client.Providers.ListAsync(cancellationToken: cancellation.Token);
        await Waiting.UntilAsync(() => transport.Attempts == 1, "the first attempt");
        cancellation.Cancel();

        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(call, finished);
        Assert.Equal(1, transport.Attempts);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }


    private static (TestClock Clock, SdkHarness Harness) OnFakeClock(TimeSpan maxDelay)
    {
        var clock = new TestClock();
        var harness = new SdkHarness(o =>
        {
            o.TimeProvider = clock;
            o.Retry = new NexGenRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(1), MaxDelay = maxDelay };
        });
        return (clock, harness);
    }

    /// <summary>A fake clock on which the harness's retry delays (50 ms at most) pass at once and timeouts wait for the test.</summary>
    private static TestClock RetryClock() => new() { AutoAdvanceUpTo = TimeSpan.FromMilliseconds(50) };

    /// <summary>A client over <paramref name="transport"/> on <paramref name="clock"/> with these timeouts and a fixed delay between attempts.</summary>
    private static NexGenClient ClientWithTimeouts(ScriptedHandler transport, TestClock clock, TimeSpan attempt, TimeSpan overall, int maxRetries, TimeSpan delay)
        => SdkHarness.ClientOver(transport, o =>
        {
            o.TimeProvider = clock;
            o.AttemptTimeout = attempt;
            o.OverallTimeout = overall;
            o.Retry = new NexGenRetryOptions { MaxRetries = maxRetries, BaseDelay = delay, MaxDelay = delay, UseJitter = false };
        });

    /// <summary>Once <paramref name="attempt"/> is under way and its timer armed, moves time by <paramref name="timeout"/> so that the timer fires.</summary>
    private static async Task AttemptTimesOutAsync(TestClock clock, ScriptedHandler transport, int attempt, TimeSpan timeout)
    {
        await Waiting.UntilAsync(() => transport.Attempts == attempt && clock.IsArmed(timeout), $"attempt {attempt} under its {timeout} timer");
        clock.Advance(timeout);
    }

    public void Dispose() => _harness.Dispose();
}
