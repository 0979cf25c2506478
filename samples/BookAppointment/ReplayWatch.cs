using System.Collections.Concurrent;

namespace Dentally.NexGen.Samples.BookAppointment;

/// <summary>
/// The sample's transport, which notices a booking an earlier run made: a server that keeps its data
/// answers a rerun's POST with the stored 201 and <c>Idempotent-Replayed: true</c>. Only a replay of a key
/// this process had not sent before counts — the SDK's own retry of a POST whose answer was lost is
/// replayed too, but that appointment was made by this run.
/// </summary>
internal sealed class ReplayWatch() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentDictionary<string, bool> _sent = new(StringComparer.Ordinal);

    /// <summary>Whether a POST of an appointment was answered from an earlier run's request with the same key.</summary>
    public bool EarlierRunReplayed { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var firstSend = request.Method == HttpMethod.Post
            && request.RequestUri?.AbsolutePath.EndsWith("/appointments", StringComparison.Ordinal) == true
            && request.Headers.TryGetValues("Idempotency-Key", out var keys)
            && _sent.TryAdd(keys.First(), true);
        var response = await base.SendAsync(request, cancellationToken);
        if (firstSend && response.IsSuccessStatusCode
            && response.Headers.TryGetValues("Idempotent-Replayed", out var replayed)
            && replayed.Any(value => string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase)))
        {
            EarlierRunReplayed = true;
        }

        return response;
    }
}
