using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>A call without an answer says why, and how many attempts it took in how long.</summary>
public sealed class TransportMessageTests
{
    [Fact]
    public async Task A_refused_connection_is_named_with_the_attempts_made()
    {
        var client = new NexGenClient(Options(new Uri($"http://127.0.0.1:{ClosedPort()}")));

        var error = await Assert.ThrowsAsync<NexGenTransportException>(() => client.Sites.ListAsync());

        Assert.StartsWith("The connection was refused (is a server listening at BaseAddress?) after 2 attempts in ", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(" s (no response)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_host_is_named_as_such()
    {
        var client = new NexGenClient(Options(new Uri("https://nexgen-sdk-no-such-host.invalid")));

        var error = await Assert.ThrowsAsync<NexGenTransportException>(() => client.Sites.ListAsync());

        Assert.StartsWith("The host name was not found (check BaseAddress) after 2 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_cut_off_mid_body_is_named_as_such()
    {
        var error = await FailureAnsweringTwiceWith("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"items\":[");

        Assert.StartsWith("The response body was cut off before it ended after 2 attempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_HTTP_is_named_as_such_where_the_build_can_tell()
    {
        var error = await FailureAnsweringTwiceWith("SSH-2.0-OpenSSH_9.6\r\n\r\n");

#if NEXGEN_NETSTANDARD_BUILD
        // HttpRequestError is .NET 8+: the netstandard2.0 build names the exception's type instead.
        Assert.StartsWith("The connection failed (HttpRequestException) after 2 attempts", error.Message, StringComparison.Ordinal);
#else
        Assert.StartsWith("The answer was not valid HTTP after 2 attempts", error.Message, StringComparison.Ordinal);
#endif
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_timeout_with_the_attempts_and_time_taken()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start(); // accepts connections (the OS backlog) and never answers
        var options = Options(new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}"));
        options.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        var clock = (TestClock)options.TimeProvider;

        // Two attempts of 300 ms with 10 ms between them, on the client's clock.
        var call = new NexGenClient(options).Sites.ListAsync();
        await clock.FireAsync(TimeSpan.FromMilliseconds(300));
        await clock.FireAsync(TimeSpan.FromMilliseconds(300));
        var error = await Assert.ThrowsAsync<NexGenTimeoutException>(() => call.WaitAsync(Waiting.Patience));

        Assert.Equal("No answer within the timeout (0.3 s) after 2 attempts in 0.6 s (no response)", error.Message);
    }

    [Fact]
    public void An_unrecognised_failure_still_names_its_type_and_the_attempts()
    {
        var message = NexGenModelFactory.TransportException("The connection failed (IOException) after 1 attempt in 0.1 s", new IOException()).Message;

        Assert.Equal("The connection failed (IOException) after 1 attempt in 0.1 s (no response)", message);
    }

    private static NexGenClientOptions Options(Uri baseAddress) => new()
    {
        BaseAddress = baseAddress,
        OrganizationId = "org_1",
        PracticeId = "practice_1",
        Token = "tok_1",
        AttemptTimeout = TimeSpan.FromSeconds(5),
        Retry = { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(10), UseJitter = false },

        // The retry's 10 ms pass at once; a timeout fires only when a test moves the clock.
        TimeProvider = new TestClock { AutoAdvanceUpTo = TimeSpan.FromMilliseconds(10) },
    };

    /// <summary>The client's failure against a server that answers each of two attempts with <paramref name="answer"/> and hangs up.</summary>
    private static async Task<NexGenTransportException> FailureAnsweringTwiceWith(string answer)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var server = Task.Run(async () =>
        {
            for (var i = 0; i < 2; i++)
            {
                using var socket = await listener.AcceptSocketAsync();
                var buffer = new byte[8192];
                await socket.ReceiveAsync(buffer, SocketFlags.None);
                await socket.SendAsync(Encoding.ASCII.GetBytes(answer), SocketFlags.None);
                socket.Shutdown(SocketShutdown.Both);
            }
        });
        var client = new NexGenClient(Options(new Uri($"http://127.0.0.1:{port}")));

        var error = await Assert.ThrowsAsync<NexGenTransportException>(() => client.Sites.ListAsync());
        await server;
        return error;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
