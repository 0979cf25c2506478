using System.Net.Http;
using System.Threading;

namespace Dentally.NexGen.Client;

/// <summary>
/// Collects the metadata of the answer a call ends with, for the <c>…WithResponseAsync</c> twins: the
/// capture flows with the async context from the twin into the handler chain (as
/// <see cref="RequestCounter"/> does), where every answered attempt is recorded; the last one wins.
/// </summary>
internal sealed class ResponseCapture
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly AsyncLocal<ResponseCapture?> Ambient = new();
    private volatile Snapshot? _last;

    /// <summary>Runs <paramref name="call"/> and returns its value with the metadata of its last answer.</summary>
    public static async Task<NexGenResponse<T>> RunAsync<T>(Func<Task<T>> call)
    {
        var previous = Ambient.Value;
        var capture = new ResponseCapture();
        Ambient.Value = capture;
        try
        {
            var value = await call().ConfigureAwait(false);
            var last = capture._last;
            return new NexGenResponse<T>(value, last?.StatusCode ?? 0, last?.RequestId, last?.Replayed ?? false);
        }
        finally
        {
            Ambient.Value = previous;
        }
    }

    /// <summary>Whether the current flow is inside a <c>…WithResponseAsync</c> call that wants its answer recorded.</summary>
    public static bool IsActive => Ambient.Value is not null;

    /// <summary>Records an answered attempt for the capture of the current flow, if any.</summary>
    public static void Record(HttpResponseMessage response)
    {
        if (Ambient.Value is { } capture)
        {
            var replayed = response.Headers.TryGetValues(ReplayedHeader, out var values)
                && values.Any(v => string.Equals(v.Trim(), "true", StringComparison.OrdinalIgnoreCase));
            capture._last = new Snapshot((int)response.StatusCode, ApiErrorResponse.ReadRequestId(response), replayed);
        }
    }

    private sealed class Snapshot(int statusCode, string? requestId, bool replayed)
    {
        public int StatusCode { get; } = statusCode;

        public string? RequestId { get; } = requestId;

        public bool Replayed { get; } = replayed;
    }
}
