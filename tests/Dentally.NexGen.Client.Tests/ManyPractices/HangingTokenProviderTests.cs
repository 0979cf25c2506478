using System.Net;
using System.Text;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ManyPractices;

/// <summary>
/// A partner's token provider that hangs for one practice and ignores its cancellation token (a
/// blocking identity-provider call, a lock it never gets): that practice's calls still end at their
/// timeout or their caller's cancellation, and the other practices' calls on the same client are not held.
/// </summary>
public sealed class HangingTokenProviderTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly TaskCompletionSource<string> _never = new();
    private readonly TestClock _clock = new();
    private readonly AlwaysProviders _transport = new();
    private readonly NexGenClient _client;

    public HangingTokenProviderTests()
    {
        var options = SdkHarness.NewOptions("http://localhost:9");
        options.TimeProvider = _clock;
        options.Token = null;
        options.AttemptTimeout = options.OverallTimeout = Timeout;
        options.TokenProvider = NexGenTokenProviders.FromDelegate((request, _) =>
            request.PracticeId == "practice_hung" ? new ValueTask<string>(_never.Task) : new ValueTask<string>("tok_" + request.PracticeId));
        _client = new NexGenClient(options, _transport);
    }

    public void Dispose() => _transport.Dispose();

    [Fact]
    public async Task A_provider_hung_for_one_practice_ends_that_call_at_its_timeout_and_holds_no_other_practice()
    {
        var hung = _client.ForPractice("org_a", "practice_hung").Providers.ListAsync();
        await _clock.WhenArmedAsync(Timeout);

        // Answered while the hung practice's call waits, with no time passing.
        var others = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => _client.ForPractice("org_b", "practice_" + i).Providers.ListAsync())).WaitAsync(Waiting.Patience);
        Assert.Equal(5, others.Length);
        Assert.False(hung.IsCompleted);

        // Without the bounded wait, the provider's task held the call past its timeout, forever.
        _clock.Advance(Timeout);
        var error = await Assert.ThrowsAsync<NexGenTimeoutException>(() => hung.WaitAsync(Waiting.Patience));
        Assert.Equal(0, error.StatusCode);
        Assert.Equal(5, _transport.Requests);
    }

    [Fact]
    public async Task A_provider_hung_for_one_practice_ends_that_call_when_its_caller_cancels()
    {
        using var cancellation = new CancellationTokenSource();
        var hung = _client.ForPractice("org_a", "practice_hung").Providers.ListAsync(cancellationToken: cancellation.Token);
        await _clock.WhenArmedAsync(Timeout);

        await cancellation.CancelAsync();

        var cancelled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hung.WaitAsync(Waiting.Patience));
        Assert.Equal(cancellation.Token, cancelled.CancellationToken);
        Assert.Equal(0, _transport.Requests);
    }

    /// <summary>Answers every request with an empty provider list.</summary>
    private sealed class AlwaysProviders : HttpMessageHandler
    {
        private int _requests;

        public int Requests => Volatile.Read(ref _requests);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StringContent(Bodies.EmptyProviders, Encoding.UTF8, "application/json"),
            });
        }
    }
}
