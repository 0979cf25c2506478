using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.Tool.Tests.Support;

namespace Dentally.NexGen.Tool.Tests.Check;

/// <summary>
/// A check with writes against a server that books what it should refuse (a second appointment in a taken slot,
/// no replay of a key) while the answer is lost: whatever such a create made is found in the slot by the check's
/// notes and cancelled, not left booked without a word (found by review).
/// </summary>
public sealed class UnseenBookingSweepTests : IAsyncDisposable
{
    private readonly SandboxFixture _fixture = new();

    [Fact]
    public async Task A_second_booking_in_the_slot_whose_answer_a_gateway_replaced_with_a_502_is_cancelled()
    {
        var options = _fixture.Options(allowWrites: true);
        var creates = 0;
        using var handler = new DoubleBooking(_fixture, async (request, send, ct) =>
        {
            // The third create ("same slot, another key") is booked, and a gateway answers 502 for it.
            if (++creates != 3)
            {
                return await send(request, ct);
            }

            using var booked = await send(request, ct);
            Assert.Equal(201, (int)booked.StatusCode);
            return new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway) { Content = new StringContent("<html>502</html>", System.Text.Encoding.UTF8, "text/html") };
        });
        options.HttpMessageHandler = handler;

        await NexGenContractCheck.RunAsync(options);

        // Before: the second appointment stayed scheduled, and the check could exit 0.
        Assert.Equal(2, _fixture.Sandbox.GetAppointments().Count);
        Assert.All(_fixture.Sandbox.GetAppointments(), a => Assert.Equal("cancelled", a.Status));
    }

    [Fact]
    public async Task A_first_booking_whose_answer_was_lost_is_cancelled_when_asking_again_booked_another()
    {
        var options = _fixture.Options(allowWrites: true);
        var creates = 0;
        using var handler = new DoubleBooking(_fixture, async (request, send, ct) =>
        {
            if (++creates == 1)
            {
                // Booked, then the connection drops before the answer.
                using var booked = await send(request, ct);
                throw new HttpRequestException("Connection reset by peer");
            }

            // No replay: asking again under the same key books a second appointment.
            request.Headers.Remove("Idempotency-Key");
            return await send(request, ct);
        });
        options.HttpMessageHandler = handler;

        await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options));

        // Before: the second was cancelled and the first, which no answer named, stayed scheduled.
        Assert.Equal(2, _fixture.Sandbox.GetAppointments().Count);
        Assert.All(_fixture.Sandbox.GetAppointments(), a => Assert.Equal("cancelled", a.Status));
    }

    [Fact]
    public async Task Another_runs_appointment_in_the_slot_is_never_cancelled()
    {
        // Another run of the check booked the slot a moment before; this run's create is answered 503 (not booked),
        // asked again it meets that appointment's 409, and the look at the slot then sees it: another run's notes.
        var options = _fixture.Options(allowWrites: true);
        Guid? others = null;
        var creates = 0;
        using var handler = new DoubleBooking(_fixture, async (request, send, ct) =>
        {
            if (++creates == 1)
            {
                var body = await request.Content!.ReadAsStringAsync(ct);
                var other = new HttpRequestMessage(HttpMethod.Post, request.RequestUri)
                {
                    Content = new StringContent(body.Replace("(run ", "(run another-", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json"),
                };
                foreach (var header in request.Headers.Where(h => h.Key != "Idempotency-Key"))
                {
                    other.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                using var booked = await send(other, ct);
                others = Guid.Parse((string)Newtonsoft.Json.Linq.JObject.Parse(await booked.Content.ReadAsStringAsync(ct))["uuid"]!);
                return new HttpResponseMessage(System.Net.HttpStatusCode.ServiceUnavailable) { Content = new StringContent("<html>503</html>", System.Text.Encoding.UTF8, "text/html") };
            }

            return await send(request, ct);
        }, checkSlot: true);
        options.HttpMessageHandler = handler;

        await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options));

        // Before the run's own notes: the look took the other run's appointment as this run's, and cancelled it.
        Assert.Equal("scheduled", Assert.Single(_fixture.Sandbox.GetAppointments(), a => a.Uuid == others).Status);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"items":[{"status":{"code":"confirmed"},"notes":"Booked and cancelled by the NexGen contract check.","scheduled_start":7}],"total":"many"}""")]
    public async Task A_look_at_the_slot_answered_in_another_shape_still_cancels_what_the_check_booked(string listAnswer)
    {
        // The third create is answered 502 (the slot was taken: nothing booked), so the slot is looked at; its list is of another shape.
        var options = _fixture.Options(allowWrites: true);
        var creates = 0;
        using var handler = new DoubleBooking(_fixture, async (request, send, ct) =>
        {
            using var answer = await send(request, ct);
            return ++creates == 3
                ? new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway) { Content = new StringContent("<html>502</html>", System.Text.Encoding.UTF8, "text/html") }
                : await Copy(answer, ct);
        }, checkSlot: true, listAnswer: listAnswer);
        options.HttpMessageHandler = handler;

        // Before: an ArgumentException or InvalidCastException escaped the clean-up before any cancel, the booking left confirmed.
        await NexGenContractCheck.RunAsync(options);

        Assert.Equal("cancelled", Assert.Single(_fixture.Sandbox.GetAppointments()).Status);
    }

    [Fact]
    public async Task A_booking_answered_501_is_not_asked_for_again()
    {
        var options = _fixture.Options(allowWrites: true);
        var creates = 0;
        using var handler = new DoubleBooking(_fixture, (request, send, ct) =>
        {
            creates++;
            return Task.FromResult(new HttpResponseMessage(System.Net.HttpStatusCode.NotImplemented) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });
        }, checkSlot: true);
        options.HttpMessageHandler = handler;

        // Before: asked again, then "it may have booked an appointment" (exit 2) for a server that implements no booking.
        var report = await NexGenContractCheck.RunAsync(options);

        Assert.Equal(1, creates);
        Assert.True(report.HasBreakingDifferences);
    }

    [Fact]
    public async Task A_run_stopped_whose_cancel_is_refused_names_the_appointment_left_booked()
    {
        // Ctrl+C as the status change is sent; the cancel is then refused with a 422.
        var options = _fixture.Options(allowWrites: true);
        using var stop = new CancellationTokenSource();
        using var handler = new StopThenRefuseCancel(stop);
        options.HttpMessageHandler = handler;

        // Before: the caller's cancellation, and the tool's line said nothing stayed booked.
        var failed = await Assert.ThrowsAsync<NexGenContractCheckException>(() => NexGenContractCheck.RunAsync(options, stop.Token));

        var booked = Assert.Single(_fixture.Sandbox.GetAppointments());
        Assert.NotEqual("cancelled", booked.Status);
        Assert.Contains(booked.Uuid.ToString(), failed.Message, StringComparison.Ordinal);
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    private sealed class StopThenRefuseCancel(CancellationTokenSource stop) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            if (path.EndsWith("/status", StringComparison.Ordinal))
            {
                await stop.CancelAsync();
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (path.EndsWith("/cancel", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(System.Net.HttpStatusCode.UnprocessableEntity)
                {
                    Content = new StringContent("""{"type":"https://docs.api.dentally.com/problems/validation-error","title":"Invalid","status":422,"errors":{"reason_code":["is required"]}}""", System.Text.Encoding.UTF8, "application/problem+json"),
                };
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    private static async Task<HttpResponseMessage> Copy(HttpResponseMessage answer, CancellationToken cancellationToken)
    {
        var copy = new HttpResponseMessage(answer.StatusCode) { Content = new ByteArrayContent(await answer.Content.ReadAsByteArrayAsync(cancellationToken)) };
        foreach (var header in answer.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var header in answer.Content.Headers)
        {
            copy.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        return copy;
    }

    /// <summary>
    /// The sandbox with no check of a taken slot for a create: the appointments booked so far are set aside (cancelled)
    /// while a create is booked, then put back. <paramref name="create"/> decides what each create becomes.
    /// </summary>
    private sealed class DoubleBooking(
        SandboxFixture fixture,
        Func<HttpRequestMessage, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>, CancellationToken, Task<HttpResponseMessage>> create,
        bool checkSlot = false,
        string? listAnswer = null)
        : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (listAnswer is not null && request.Method == HttpMethod.Get && request.RequestUri!.Query.Contains("patient_uuid", StringComparison.Ordinal))
            {
                return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(listAnswer, System.Text.Encoding.UTF8, "application/json") };
            }

            if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/appointments", StringComparison.Ordinal))
            {
                return await base.SendAsync(request, cancellationToken);
            }

            if (checkSlot)
            {
                return await create(request, base.SendAsync, cancellationToken);
            }

            var setAside = fixture.Sandbox.GetAppointments().Where(a => a.Status is "scheduled" or "confirmed").ToList();
            setAside.ForEach(a => fixture.Sandbox.SetAppointmentStatus(a.Uuid, "cancelled"));
            try
            {
                return await create(request, base.SendAsync, cancellationToken);
            }
            finally
            {
                setAside.ForEach(a => fixture.Sandbox.SetAppointmentStatus(a.Uuid, a.Status));
            }
        }
    }
}
