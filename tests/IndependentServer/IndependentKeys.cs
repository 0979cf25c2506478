namespace Dentally.NexGen.Independent;

/// <summary>
/// The independent server's idempotency keys, as the contract states them and no further: a key is
/// scoped to the token (not to the path or the practice), a request is "the same" when its method, path
/// and body bytes are; a stored 201 or 409 <c>slot-conflict</c> is replayed for 24 hours on the server's
/// clock, with a new request id and nothing else saying it is a replay; a key whose first request is
/// still running gets 409 <c>idempotency-key-in-use</c> with no <c>Retry-After</c>; any other answer
/// stores nothing.
/// </summary>
internal sealed class IndependentKeys(TimeProvider clock)
{
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(24);

    private readonly object _gate = new();
    private readonly Dictionary<(string Token, string Key), Entry> _entries = [];

    /// <summary>Whether to run a keyed request (<see langword="true"/>), or its <paramref name="answer"/>: the replay, or the refusal.</summary>
    public bool TryBegin(string token, string key, string fingerprint, string instance, out IndependentAnswer? answer)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue((token, key), out var entry) && clock.GetUtcNow() - entry.Created < ReplayWindow)
            {
                if (entry.Fingerprint != fingerprint)
                {
                    answer = IndependentAnswer.Problem(422, "idempotency-key-mismatch", "Idempotency key mismatch", instance);
                    return false;
                }

                answer = entry.Answer ?? IndependentAnswer.Problem(409, "idempotency-key-in-use", "Idempotency key in use", instance);
                return false;
            }

            _entries[(token, key)] = new Entry(fingerprint, clock.GetUtcNow());
            answer = null;
            return true;
        }
    }

    /// <summary>Keeps a 201 or a 409 <c>slot-conflict</c> for replay; forgets the key after any other answer.</summary>
    public void Complete(string token, string key, IndependentAnswer answer)
    {
        lock (_gate)
        {
            if (answer.Status == 201 || answer.ProblemType == "slot-conflict")
            {
                _entries[(token, key)].Answer = answer;
            }
            else
            {
                _entries.Remove((token, key));
            }
        }
    }

    private sealed class Entry(string fingerprint, DateTimeOffset created)
    {
        public string Fingerprint { get; } = fingerprint;

        public DateTimeOffset Created { get; } = created;

        public IndependentAnswer? Answer { get; set; }
    }
}
