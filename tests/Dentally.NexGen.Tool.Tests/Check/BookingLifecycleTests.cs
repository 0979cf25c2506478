using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.Tool.Tests.Support;

namespace Dentally.NexGen.Tool.Tests.Check;

/// <summary>
/// The booking lifecycle of a check with writes, against servers that break what the SDK relies on:
/// each break is reported, and whatever was booked is cancelled.
/// </summary>
public sealed class BookingLifecycleTests : IAsyncDisposable
{
    private readonly SandboxFixture _fixture = new();

    [Fact]
    public async Task A_server_that_ignores_Idempotency_Key_is_reported_and_nothing_stays_booked()
    {
        var options = _fixture.Options(allowWrites: true);
        using var handler = new WithoutIdempotencyKeys();
        options.HttpMessageHandler = handler;

        var report = await NexGenContractCheck.RunAsync(options);

        var difference = Assert.Single(report.Differences);
        Assert.Equal(
            ("createAppointment", "status", DifferenceClass.Breaking, "semantic-broken", "201 replayed for the same Idempotency-Key and body", "409 https://docs.api.dentally.com/problems/slot-conflict"),
            (difference.Operation, difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
        Assert.All(_fixture.Sandbox.GetAppointments(), a => Assert.Equal("cancelled", a.Status));
        Assert.Single(_fixture.Sandbox.GetAppointments());
    }

    [Fact]
    public async Task The_lifecycle_books_far_from_today_and_never_creates_a_patient()
    {
        var patients = _fixture.Sandbox.GetPatients().Count;

        await NexGenContractCheck.RunAsync(_fixture.Options(allowWrites: true));

        var booked = Assert.Single(_fixture.Sandbox.GetAppointments());
        Assert.True(booked.ScheduledStart >= _fixture.Clock.GetUtcNow().UtcDateTime.AddDays(59), $"booked at {booked.ScheduledStart:s}");
        Assert.Equal("cancelled", booked.Status);
        Assert.Equal(patients, _fixture.Sandbox.GetPatients().Count);
        var keys = _fixture.Sandbox.ReceivedRequests.Where(r => r.Method == "POST" && r.Path.EndsWith("/appointments", StringComparison.Ordinal)).Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[0], keys[2]);
    }

    [Fact]
    public async Task A_booking_refused_for_a_member_the_server_now_requires_names_it_and_books_nothing()
    {
        var options = _fixture.Options(allowWrites: true);
        using var handler = new RefusingBookings("""{"type":"https://docs.api.dentally.com/problems/validation-error","title":"Invalid","status":422,"errors":{"consent_given":["is required"]}}""");
        options.HttpMessageHandler = handler;

        var report = await NexGenContractCheck.RunAsync(options);

        var refused = Assert.Single(report.Differences);
        Assert.Equal(
            ("createAppointment", "status", DifferenceClass.Breaking, "semantic-broken", "422 https://docs.api.dentally.com/problems/validation-error naming consent_given"),
            (refused.Operation, refused.Path, refused.Class, refused.Kind, refused.Actual));
        Assert.Empty(_fixture.Sandbox.GetAppointments());
        Assert.DoesNotContain(_fixture.Sandbox.ReceivedRequests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_cancel_refused_for_a_member_the_server_now_requires_is_reported_as_left_booked()
    {
        var options = _fixture.Options(allowWrites: true);
        using var handler = new RefusingBookings("""{"type":"https://docs.api.dentally.com/problems/validation-error","title":"Invalid","status":422,"errors":{"cancellation_reason":["is required"]}}""", "/cancel");
        options.HttpMessageHandler = handler;

        var report = await NexGenContractCheck.RunAsync(options);

        Assert.Equal("confirmed", Assert.Single(_fixture.Sandbox.GetAppointments()).Status);
        Assert.Contains(report.Differences, d => (d.Operation, d.Path, d.Actual) == ("cancelAppointment", "status", "422 https://docs.api.dentally.com/problems/validation-error naming cancellation_reason"));
        var left = Assert.Single(report.Differences, d => d.Operation == "cancelAppointment" && d.Path == "$");
        Assert.Equal((DifferenceClass.Breaking, "semantic-broken"), (left.Class, left.Kind));
        Assert.StartsWith("still booked", left.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_made_but_answered_502_by_a_gateway_is_asked_for_again_and_cancelled()
    {
        var options = _fixture.Options(allowWrites: true);
        var first = true;
        using var handler = new Rewriting(response =>
        {
            // The server booked; the gateway in front of it timed out on the way back.
            if (response.RequestMessage!.Method == HttpMethod.Post && response.RequestMessage.RequestUri!.AbsolutePath.EndsWith("/appointments", StringComparison.Ordinal) && first)
            {
                first = false;
                response.StatusCode = System.Net.HttpStatusCode.BadGateway;
                response.Content = new StringContent("<html>502 Bad Gateway</html>", System.Text.Encoding.UTF8, "text/html");
            }
        });
        options.HttpMessageHandler = handler;

        var report = await NexGenContractCheck.RunAsync(options);

        Assert.Equal("cancelled", Assert.Single(_fixture.Sandbox.GetAppointments()).Status);
        Assert.DoesNotContain(report.Differences, d => d.Class == DifferenceClass.Breaking);
    }

    [Fact]
    public async Task A_booking_answered_200_instead_of_201_is_reported_and_still_cancelled()
    {
        var options = _fixture.Options(allowWrites: true);
        using var handler = new Rewriting(response =>
        {
            if (response.RequestMessage!.Method == HttpMethod.Post && response.RequestMessage.RequestUri!.AbsolutePath.EndsWith("/appointments", StringComparison.Ordinal) && response.StatusCode == System.Net.HttpStatusCode.Created)
            {
                response.StatusCode = System.Net.HttpStatusCode.OK;
            }
        });
        options.HttpMessageHandler = handler;

        var report = await NexGenContractCheck.RunAsync(options);

        Assert.Contains(report.Differences, d => (d.Operation, d.Kind, d.Actual) == ("createAppointment", "undocumented-status", "200"));
        Assert.NotEmpty(_fixture.Sandbox.GetAppointments());
        Assert.All(_fixture.Sandbox.GetAppointments(), a => Assert.Equal("cancelled", a.Status));
    }

    [Fact]
    public async Task A_check_cancelled_by_its_caller_after_booking_still_cancels_the_booking()
    {
        var options = _fixture.Options(allowWrites: true);
        using var stop = new CancellationTokenSource();
        using var handler = new Rewriting(response =>
        {
            // Ctrl+C while the status change is answered: the booking is made, its answer read.
            if (response.RequestMessage!.RequestUri!.AbsolutePath.EndsWith("/status", StringComparison.Ordinal))
            {
                stop.Cancel();
            }
        });
        options.HttpMessageHandler = handler;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NexGenContractCheck.RunAsync(options, stop.Token));

        var booked = Assert.Single(_fixture.Sandbox.GetAppointments());
        Assert.Equal("cancelled", booked.Status);
    }

    [Fact]
    public async Task A_check_cancelled_by_its_caller_before_the_booking_is_read_finds_it_by_its_key_and_cancels_it()
    {
        var options = _fixture.Options(allowWrites: true);
        using var stop = new CancellationTokenSource();
        using var handler = new Rewriting(response =>
        {
            // Ctrl+C as the booking's answer arrives: the booking is made, its answer never read.
            if (response.RequestMessage!.Method == HttpMethod.Post && response.RequestMessage.RequestUri!.AbsolutePath.EndsWith("/appointments", StringComparison.Ordinal) && !stop.IsCancellationRequested)
            {
                stop.Cancel();
                throw new OperationCanceledException(stop.Token);
            }
        });
        options.HttpMessageHandler = handler;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NexGenContractCheck.RunAsync(options, stop.Token));

        var booked = Assert.Single(_fixture.Sandbox.GetAppointments());
        Assert.Equal("cancelled", booked.Status);
    }

    [Fact]
    public async Task A_booking_whose_answer_was_lost_on_a_server_without_replay_is_found_in_its_slot_and_cancelled()
    {
        var options = _fixture.Options(allowWrites: true);
        using var stop = new CancellationTokenSource();
        using var handler = new Rewriting(LoseTheFirstBookingsAnswer(stop), withoutIdempotencyKeys: true);
        options.HttpMessageHandler = handler;

        // Asked again, the server that forgot the key refuses the slot its first booking took; the look at the slot finds it.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => NexGenContractCheck.RunAsync(options, stop.Token));

        Assert.Equal("cancelled", Assert.Single(_fixture.Sandbox.GetAppointments()).Status);
    }

    [Fact]
    public async Task A_booking_whose_answer_was_lost_and_that_no_look_can_find_is_named_as_maybe_left_booked()
    {
        var options = _fixture.Options(allowWrites: true);
        using var stop = new CancellationTokenSource();
        var lose = LoseTheFirstBookingsAnswer(stop);
        using var handler = new Rewriting(
            response =>
            {
                lose(response);
                if (response.RequestMessage!.Method == HttpMethod.Get && response.RequestMessage.RequestUri!.AbsolutePath.EndsWith("/appointments", StringComparison.Ordinal))
                {
                    // A list that leaves notes out: nothing in it can be told to be the check's.
                    var body = Newtonsoft.Json.Linq.JObject.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
                    foreach (var item in body["items"]!.Children<Newtonsoft.Json.Linq.JObject>())
                    {
                        item.Remove("notes");
                    }

                    response.Content = new StringContent(body.ToString(), System.Text.Encoding.UTF8, "application/json");
                }
            },
            withoutIdempotencyKeys: true);
        options.HttpMessageHandler = handler;

        var failed = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options, stop.Token));

        Assert.Contains("may have booked an appointment", failed.Message, StringComparison.Ordinal);
        Assert.Equal("scheduled", Assert.Single(_fixture.Sandbox.GetAppointments()).Status);
    }

    [Fact]
    public async Task A_cancel_answered_503_names_the_appointment_left_booked_and_is_no_broken_semantic()
    {
        var options = _fixture.Options(allowWrites: true);
        using var handler = new Answering503("/cancel");
        options.HttpMessageHandler = handler;

        // Before: breaking semantic-broken ("still booked", exit 1) beside an info line for the same answer, no id.
        var failed = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options));

        var booked = Assert.Single(_fixture.Sandbox.GetAppointments());
        Assert.NotEqual("cancelled", booked.Status);
        Assert.Contains(booked.Uuid.ToString(), failed.Message, StringComparison.Ordinal);
        Assert.Contains("503", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancel_that_fails_names_the_appointment_left_booked()
    {
        var options = _fixture.Options(allowWrites: true);
        using var handler = new Unreachable("/cancel");
        options.HttpMessageHandler = handler;

        var failed = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options));

        var booked = Assert.Single(_fixture.Sandbox.GetAppointments());
        Assert.NotEqual("cancelled", booked.Status);
        Assert.Contains(booked.Uuid.ToString(), failed.Message, StringComparison.Ordinal);
        Assert.Contains("still booked", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_answered_without_a_uuid_is_found_in_its_slot_and_cancelled()
    {
        var options = _fixture.Options(allowWrites: true);
        using var handler = new Rewriting(response =>
        {
            // Ids renamed: the answer names the booking by "id", so the check cannot cancel it.
            if (response.RequestMessage!.Method == HttpMethod.Post && response.RequestMessage.RequestUri!.AbsolutePath.EndsWith("/appointments", StringComparison.Ordinal) && response.StatusCode == System.Net.HttpStatusCode.Created)
            {
                var body = Newtonsoft.Json.Linq.JObject.Parse(response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
                body["id"] = body["uuid"];
                body.Remove("uuid");
                response.Content = new StringContent(body.ToString(), System.Text.Encoding.UTF8, "application/json");
            }
        });
        options.HttpMessageHandler = handler;

        var report = await NexGenContractCheck.RunAsync(options);

        // The look at the slot finds it by the check's notes; the answer's missing uuid is still breaking.
        Assert.Equal("cancelled", Assert.Single(_fixture.Sandbox.GetAppointments()).Status);
        Assert.Contains(report.Differences, d => (d.Operation, d.Path, d.Class) == ("createAppointment", "$.uuid", DifferenceClass.Breaking));
        Assert.DoesNotContain(report.Differences, d => d.Actual.Contains("stays booked", StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    /// <summary>The first booking's answer lost to a Ctrl+C: the caller's token is cancelled as it arrives.</summary>
    private static Action<HttpResponseMessage> LoseTheFirstBookingsAnswer(CancellationTokenSource stop)
        => response =>
        {
            if (response.RequestMessage!.Method == HttpMethod.Post && response.RequestMessage.RequestUri!.AbsolutePath.EndsWith("/appointments", StringComparison.Ordinal) && !stop.IsCancellationRequested)
            {
                stop.Cancel();
                throw new OperationCanceledException(stop.Token);
            }
        };

    /// <summary>A server whose answers are changed (or whose connection fails) on the way back.</summary>
    private sealed class Rewriting(Action<HttpResponseMessage> change, bool withoutIdempotencyKeys = false) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (withoutIdempotencyKeys)
            {
                request.Headers.Remove("Idempotency-Key");
            }

            var response = await base.SendAsync(request, cancellationToken);
            change(response);
            return response;
        }
    }

    /// <summary>A server that refuses every POST to a path ending so (a booking by default) with this 422 problem; everything else reaches the sandbox.</summary>
    private sealed class RefusingBookings(string problem, string pathEnd = "/appointments") : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal))
            {
                return base.SendAsync(request, cancellationToken);
            }

            var refusal = new HttpResponseMessage(System.Net.HttpStatusCode.UnprocessableEntity) { Content = new StringContent(problem, System.Text.Encoding.UTF8, "application/problem+json") };
            refusal.Headers.Add("X-Request-Id", "req_refused");
            return Task.FromResult(refusal);
        }
    }

    /// <summary>A gateway answering 503 for the requests whose path ends so.</summary>
    private sealed class Answering503(string pathEnd) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => request.RequestUri!.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal)
                ? Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>503</html>", System.Text.Encoding.UTF8, "text/html") })
                : base.SendAsync(request, cancellationToken);
    }

    /// <summary>A server that cannot be reached for the requests whose path ends so.</summary>
    private sealed class Unreachable(string pathEnd) : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            => request.RequestUri!.AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal)
                ? throw new HttpRequestException("Connection refused")
                : base.SendAsync(request, cancellationToken);
    }

    /// <summary>A server that forgets idempotency keys: the keys are dropped on the way.</summary>
    private sealed class WithoutIdempotencyKeys() : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("Idempotency-Key");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
