namespace Dentally.NexGen.ContractCheck.Validation;

/// <summary>
/// The statuses that say the server (or a gateway in front of it) is busy or failing for now, not that its
/// contract changed: those the SDK retries (408, 429, 500, 502, 503, 504). Any other 5xx is an answer of the API's
/// own — a 501 for an operation it no longer implements, say — and is checked like any other.
/// </summary>
internal static class TransientStatus
{
    public static bool Is(int status) => status is 408 or 429 or 500 or 502 or 503 or 504;
}
