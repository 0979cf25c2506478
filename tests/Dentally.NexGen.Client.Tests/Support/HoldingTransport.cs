using System.Collections.Concurrent;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>A real HTTP transport that can hold back answers (<see cref="HeldAnswers"/>) until a test releases them.</summary>
internal sealed class HoldingTransport() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false }) // as the SDK's own transport
{
    private readonly ConcurrentQueue<HeldAnswers> _holds = new();

    /// <summary>From now on, holds the answers to requests that match, <paramref name="limit"/> at most.</summary>
    public HeldAnswers Hold(Func<HttpRequestMessage, bool> matches, int limit = int.MaxValue)
    {
        var hold = new HeldAnswers(matches, limit);
        _holds.Enqueue(hold);
        return hold;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            foreach (var hold in _holds)
            {
                if (await hold.TryHoldAsync(request, cancellationToken))
                {
                    break;
                }
            }
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
