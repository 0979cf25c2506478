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

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    /// <summary>
    /// The sandbox with no check of a taken slot for a create: the appointments booked so far are set aside (cancelled)
    /// while a create is booked, then put back. <paramref name="create"/> decides what each create becomes.
    /// </summary>
    private sealed class DoubleBooking(
        SandboxFixture fixture,
        Func<HttpRequestMessage, Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>, CancellationToken, Task<HttpResponseMessage>> create)
        : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method != HttpMethod.Post || !request.RequestUri!.AbsolutePath.EndsWith("/appointments", StringComparison.Ordinal))
            {
                return await base.SendAsync(request, cancellationToken);
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
