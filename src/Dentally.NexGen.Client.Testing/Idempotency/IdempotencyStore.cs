using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Handlers;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Testing.Idempotency;

/// <summary>
/// Remembers <c>Idempotency-Key</c>s per path for the contract's replay window (24 hours); the path names the organisation, so keys
/// are per organisation and operation, shared by the organisation's practices. The answer of a
/// request the operation decided is kept and replayed: a 2xx, or a 409 such as <c>slot-conflict</c>
/// (the same key and body always get the same answer, even once the slot is free again). A request
/// refused before the operation decided anything (400, 422 validation) or that failed (5xx, a crash)
/// releases the key, so a retry runs again. Bodies are compared as JSON, so member order and white
/// space do not matter.
/// </summary>
internal sealed class IdempotencyStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;

    public IdempotencyStore(TimeProvider clock) => _clock = clock;

    public IdempotencyClaim Begin(string scope, string key, string? body)
    {
        var entryId = scope + "\n" + key;
        var fingerprint = Fingerprint.Of(body);
        var now = _clock.GetUtcNow();
        lock (_gate)
        {
            if (_entries.TryGetValue(entryId, out var entry) && now - entry.StartedAt < ContractLimits.IdempotencyReplayWindow)
            {
                if (!entry.Fingerprint.Matches(fingerprint))
                {
                    return new IdempotencyClaim(IdempotencyOutcome.Mismatch, entryId);
                }

                return entry.Response is null
                    ? new IdempotencyClaim(IdempotencyOutcome.InUse, entryId)
                    : new IdempotencyClaim(IdempotencyOutcome.Replay, entryId, entry.Response);
            }

            _entries[entryId] = new Entry(fingerprint, now);
            return new IdempotencyClaim(IdempotencyOutcome.Proceed, entryId);
        }
    }

    /// <summary>Stores a decided response for replay, or releases the key.</summary>
    public void Complete(IdempotencyClaim claim, SandboxResponse? response)
    {
        lock (_gate)
        {
            if (response is { IsSuccess: true } or { StatusCode: StatusCodes.Status409Conflict } && _entries.TryGetValue(claim.EntryId, out var entry))
            {
                entry.Response = response;
            }
            else
            {
                _entries.Remove(claim.EntryId);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    private sealed class Entry(Fingerprint fingerprint, DateTimeOffset startedAt)
    {
        public Fingerprint Fingerprint { get; } = fingerprint;

        public DateTimeOffset StartedAt { get; } = startedAt;

        public SandboxResponse? Response { get; set; }
    }

    private sealed class Fingerprint
    {
        private readonly string _text;
        private readonly JToken? _json;

        private Fingerprint(string text, JToken? json)
        {
            _text = text;
            _json = json;
        }

        public static Fingerprint Of(string? body) => new(body ?? string.Empty, SandboxJson.TryParse(body));

        public bool Matches(Fingerprint other)
            => _json is not null && other._json is not null
                ? JToken.DeepEquals(_json, other._json)
                : string.Equals(_text, other._text, StringComparison.Ordinal);
    }
}
