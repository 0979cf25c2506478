using System.Net;
using System.Net.Sockets;
using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;
using static Dentally.NexGen.Client.Tests.Workflow.WorkflowStub;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

/// <summary>
/// A booking POST whose every send was refused before it was applied (429, 401, 403, 408, a 307 or 308 redirect) booked
/// nothing: its failure, and a caller's cancellation during the wait a 429 asked for, are what they are,
/// not an outcome in doubt. One send that may have been applied (a 5xx, no answer) keeps it in doubt.
/// A connection refused on every attempt sent nothing either. Without a key of the caller's: with one,
/// a cancellation is always the caller's own exception.
/// </summary>
public sealed class RefusedSendTests : IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(20);
    private readonly SdkHarness _harness = new(o => o.Retry = new NexGenRetryOptions { MaxDelay = TimeSpan.FromSeconds(30), BaseDelay = TimeSpan.FromMilliseconds(5), UseJitter = false });

    public RefusedSendTests()
    {
        Types(_harness);
        Search(_harness, "Jane", Page(PatientJson(Jane, "Jane", "1986-04-12", Chen)));
    }

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task A_caller_cancelling_while_a_429_s_Retry_After_is_waited_out_gets_the_cancellation_not_an_unknown_outcome()
    {
        PostsAnswered(Refusal(429).WithHeader("Retry-After", "20"));
        using var cancellation = new CancellationTokenSource();
        var booking = new BookingWorkflow(_harness.Client).BookAsync(JaneNpeAtTen(), cancellation.Token);
        await Waiting.UntilAsync(() => Clock.IsArmed(RetryAfter), "the wait the 429 asked for");

        await cancellation.CancelAsync();

        // Before: BookingOutcomeUnknownException ("the appointment may exist") though the one send was refused.
        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => booking.WaitAsync(Waiting.Patience));
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.Equal(1, Posts);
    }

    [Theory]
    [InlineData(429, typeof(NexGenRateLimitedException), 4)]
    [InlineData(403, typeof(NexGenForbiddenException), 1)]
    [InlineData(401, typeof(NexGenUnauthorizedException), 1)] // the harness's static token: nothing to refresh
    [InlineData(408, typeof(NexGenApiException), 4)] // a proxy's timeout, retried: the server never had the request
    public async Task A_POST_refused_on_every_send_is_that_refusal_with_the_key(int status, Type expected, int sends)
    {
        PostsAnswered(Refusal(status).WithHeader("Retry-After", "0"));

        var error = await Assert.ThrowsAnyAsync<NexGenApiException>(() => new BookingWorkflow(_harness.Client).BookAsync(JaneNpeAtTen()));

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.IsType<string>(error.Data[BookingWorkflow.IdempotencyKeyDataName]);
        Assert.Equal(sends, Posts);
    }

    [Fact]
    public async Task A_refusal_after_a_send_that_may_have_been_applied_leaves_the_outcome_unknown()
    {
        PostsAnswered(SdkHarness.Problem(503, "server-error", "Unavailable"), Refusal(429).WithHeader("Retry-After", "0"));

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => new BookingWorkflow(_harness.Client).BookAsync(JaneNpeAtTen()));

        Assert.IsType<NexGenRateLimitedException>(doubt.InnerException);
        Assert.Equal(4, Posts);
    }

    [Theory]
    [InlineData(307)]
    [InlineData(308)]
    public async Task A_POST_redirected_with_307_or_308_booked_nothing_and_says_where_the_API_moved(int status)
    {
        // RFC 9110 15.4.8/15.4.9: the request was not applied here; it is to be sent, unchanged, to the Location.
        PostsAnswered(Moved(status));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => new BookingWorkflow(_harness.Client).BookAsync(JaneNpeAtTen()));

        // Before: BookingOutcomeUnknownException ("run again with the same key"), though nothing was booked.
        var moved = Assert.IsType<NexGenApiException>(error);
        Assert.Equal(status, moved.StatusCode);
        Assert.Contains("moved the operation to https://api2.example.com/api/v2/appointments", moved.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", moved.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("unknown", moved.Message, StringComparison.OrdinalIgnoreCase);
        Assert.IsType<string>(moved.Data[BookingWorkflow.IdempotencyKeyDataName]);
        Assert.Equal(1, Posts);
    }

    [Fact]
    public async Task A_POST_answered_303_See_Other_may_have_been_processed_so_its_outcome_is_unknown()
    {
        PostsAnswered(Moved(303));

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => new BookingWorkflow(_harness.Client).BookAsync(JaneNpeAtTen()));

        Assert.Equal(303, Assert.IsAssignableFrom<NexGenApiException>(doubt.InnerException).StatusCode);
        Assert.Equal(1, Posts);
    }

    [Fact]
    public async Task A_307_after_a_send_that_may_have_been_applied_leaves_the_outcome_unknown()
    {
        PostsAnswered(SdkHarness.Problem(503, "server-error", "Unavailable").WithHeader("Retry-After", "0"), Moved(307));

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => new BookingWorkflow(_harness.Client).BookAsync(JaneNpeAtTen()));

        Assert.Equal(307, Assert.IsAssignableFrom<NexGenApiException>(doubt.InnerException).StatusCode);
        Assert.Equal(2, Posts);
    }

    [Fact]
    public async Task A_caller_cancelling_while_a_503_s_Retry_After_is_waited_out_leaves_the_outcome_unknown()
    {
        PostsAnswered(SdkHarness.Problem(503, "server-error", "Unavailable").WithHeader("Retry-After", "20"));
        using var cancellation = new CancellationTokenSource();
        var booking = new BookingWorkflow(_harness.Client).BookAsync(JaneNpeAtTen(), cancellation.Token);
        await Waiting.UntilAsync(() => Clock.IsArmed(RetryAfter), "the wait the 503 asked for");

        await cancellation.CancelAsync();

        var doubt = await Assert.ThrowsAsync<BookingOutcomeUnknownException>(() => booking.WaitAsync(Waiting.Patience));
        Assert.IsAssignableFrom<OperationCanceledException>(doubt.InnerException);
    }

    [Fact]
    public async Task A_POST_whose_connection_is_refused_on_every_attempt_is_that_transport_failure_with_the_key()
    {
        // A port held without listening: every connection to it is refused, and nobody else can take it.
        using var closed = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        closed.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var transport = new PostsTo(((IPEndPoint)closed.LocalEndPoint!).Port);

        var error = await Assert.ThrowsAsync<NexGenTransportException>(() => new BookingWorkflow(new NexGenClient(_harness.Options, transport)).BookAsync(JaneNpeAtTen()));

        // Before: BookingOutcomeUnknownException ("the appointment may exist"), though no POST ever left.
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        Assert.Contains("after 4 attempts", error.Message, StringComparison.Ordinal);
        Assert.IsType<string>(error.Data[BookingWorkflow.IdempotencyKeyDataName]);
    }

    private TestClock Clock => (TestClock)_harness.Options.TimeProvider;

    private int Posts => _harness.Requests.Count(r => r.Method == "POST");

    /// <summary>A redirect to where the API moved; its query (a patient's name) is never to be quoted.</summary>
    private static WireMock.ResponseBuilders.IResponseBuilder Moved(int status)
        => WireMock.ResponseBuilders.Response.Create().WithStatusCode(status).WithHeader("Location", "https://api2.example.com/api/v2/appointments?patient=Jane");

    private static WireMock.ResponseBuilders.IResponseBuilder Refusal(int status) => status switch
    {
        429 => SdkHarness.Problem(status, "rate-limited", "Refused"),
        401 => SdkHarness.Problem(status, "unauthorized", "Refused"),
        // A proxy's or load balancer's own answer: not the API's problem JSON.
        408 => SdkHarness.Json(status, "Request Timeout", "text/plain"),
        _ => SdkHarness.Problem(status, "forbidden", "Refused"),
    };

    /// <summary>Real HTTP; POSTs go to <paramref name="port"/> on loopback (the request's own address is put back after each send).</summary>
    private sealed class PostsTo(int port) : DelegatingHandler(new SocketsHttpHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var address = request.RequestUri!;
            if (request.Method == HttpMethod.Post)
            {
                request.RequestUri = new UriBuilder(address) { Port = port }.Uri;
            }

            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                request.RequestUri = address;
            }
        }
    }

    private void PostsAnswered(params WireMock.ResponseBuilders.IResponseBuilder[] answers)
        => _harness.RespondInSequence(Request.Create().UsingPost().WithPath($"/api/v1/{SdkHarness.Org}/appointments"), answers);
}
