using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Reliability;

/// <summary>
/// Answers only a raw socket can give (<see cref="RawHttpServer"/>): broken framing, header abuse,
/// informational responses, a reset after a POST was fully sent. Every one ends in a result or a typed
/// exception with the status that came (0 when none did), retried only where that is safe, and a keyed
/// POST is resent with its key.
/// </summary>
public sealed class RawWireTests
{
    private static readonly string Ok = RawHttpServer.Json("200 OK", Bodies.EmptyProviders);

    public static TheoryData<string, string, Type, int> Broken => new()
    {
        { "two different Content-Lengths", $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: {Bodies.EmptyProviders.Length}\r\n\r\n{Bodies.EmptyProviders}", typeof(NexGenTransportException), 200 },
        { "a chunk size that is not hex", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", typeof(NexGenTransportException), 200 },
        { "a chunk size past any length", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n", typeof(NexGenTransportException), 200 },
        { "200 KB of headers", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Big: " + new string('a', 200_000) + "\r\nContent-Length: 2\r\n\r\n{}", typeof(NexGenTransportException), 0 },
        { "a 200 with Content-Length 0", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n", typeof(NexGenTransportException), 200 },
        { "a 204 declaring a body", "HTTP/1.1 204 No Content\r\nContent-Length: 2\r\n\r\n{}", typeof(NexGenTransportException), 204 },
        { "not HTTP", "HELLO\r\n\r\n", typeof(NexGenTransportException), 0 },
        { "a Retry-After below zero", "HTTP/1.1 503 Service Unavailable\r\nRetry-After: -5\r\nContent-Length: 0\r\n\r\n", typeof(NexGenServerException), 503 },
        { "a Retry-After past any int", "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 99999999999999\r\nContent-Length: 0\r\n\r\n", typeof(NexGenServerException), 503 },
        { "a Retry-After in the year 9999", "HTTP/1.1 503 Service Unavailable\r\nRetry-After: Fri, 31 Dec 9999 23:59:59 GMT\r\nContent-Length: 0\r\n\r\n", typeof(NexGenServerException), 503 },
        { "a Retry-After in 1970 from a server dated 9999", "HTTP/1.1 503 Service Unavailable\r\nRetry-After: Thu, 01 Jan 1970 00:00:00 GMT\r\nDate: Fri, 31 Dec 9999 23:59:59 GMT\r\nContent-Length: 0\r\n\r\n", typeof(NexGenServerException), 503 },
        { "two Retry-Afters", "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nRetry-After: 2\r\nContent-Length: 0\r\n\r\n", typeof(NexGenServerException), 503 },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task A_broken_answer_is_retried_then_typed_with_the_status_that_came(string what, string answer, Type expected, int status)
    {
        using var server = new RawHttpServer(RawHttpServer.Send(answer));

        var error = await Assert.ThrowsAnyAsync<NexGenApiException>(() => Client(server).Providers.ListAsync().WaitAsync(Waiting.Patience));

        Assert.True(error.GetType() == expected, $"{what}: {error.GetType().Name}");
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(4, server.Requests); // a GET: the first attempt and three retries, none of them waiting long
    }

    [Fact]
    public async Task An_unasked_101_is_an_api_exception_and_not_retried()
    {
        using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
            exchange.Close();
        });

        var error = await Assert.ThrowsAsync<NexGenApiException>(() => Client(server).Providers.ListAsync().WaitAsync(Waiting.Patience));

        Assert.Equal(101, error.StatusCode);
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\n")]
    [InlineData("HTTP/1.1 103 Early Hints\r\nLink: </styles.css>; rel=preload\r\n\r\n")]
    public async Task Informational_answers_before_the_final_one_are_skipped(string informational)
    {
        using var server = new RawHttpServer(RawHttpServer.Send(informational + Ok));

        var providers = await Client(server).Providers.ListAsync().WaitAsync(Waiting.Patience);

        Assert.Equal(0, providers.Total);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task An_HTTP_1_0_body_ended_by_closing_the_connection_is_read()
    {
        using var server = new RawHttpServer(async exchange =>
        {
            await exchange.WriteAsync("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + Bodies.EmptyProviders);
            exchange.Close();
        });

        var providers = await Client(server).Providers.ListAsync().WaitAsync(Waiting.Patience);

        Assert.Equal(0, providers.Total);
    }

    [Theory]
    [InlineData("reset")]
    [InlineData("status line, then the body cut")]
    public async Task A_keyed_POST_whose_answer_is_lost_after_it_was_fully_sent_is_resent_once_with_its_key(string loss)
    {
        using var server = new RawHttpServer(
            async exchange =>
            {
                if (loss != "reset")
                {
                    await exchange.WriteAsync("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"uuid\":");
                }

                exchange.Reset();
            },
            exchange => exchange.WriteAsync(RawHttpServer.Json("201 Created", Contract.GuideJson.Confirmation)));

        var appointment = await Client(server).Appointments.CreateAsync(Bodies.GuideAppointment(), "booking-8841").WaitAsync(Waiting.Patience);

        Assert.NotEqual(Guid.Empty, appointment.Uuid);
        Assert.Equal(2, server.Requests);
        Assert.All(server.Received, request => Assert.Contains("Idempotency-Key: booking-8841\r\n", request, StringComparison.Ordinal));
    }

    // The SDK's own transport (the process's shared one), as production uses it.
    private static NexGenClient Client(RawHttpServer server) => new(SdkHarness.NewOptions(server.Url.ToString()));
}
