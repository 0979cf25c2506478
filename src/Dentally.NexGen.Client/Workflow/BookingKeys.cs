using System.Security.Cryptography;
using System.Text;

namespace Dentally.NexGen.Client;

/// <summary>
/// The idempotency keys of one booking's POSTs, all derived from the booking's own key, so that running
/// the same booking again sends the same key with each POST and the server replays its stored answers.
/// The patient creation and the first choice are keyed by their role alone: the server then compares
/// the bodies, and the same key sent with a different booking is its 422 <c>idempotency-key-mismatch</c>.
/// A rebooking POST's key adds a digest of the slot it books, so the booking's own POSTs never share a key.
/// </summary>
internal sealed class BookingKeys
{
    /// <summary>
    /// The longest booking key, the SDK's own bound (documented on <see cref="BookingRequest.IdempotencyKey"/>): with the
    /// longest suffix (<c>/appointment/</c> and 16 hex digits) it stays within <see cref="ContractNumbers.IdempotencyKeyMaxLength"/>.
    /// </summary>
    public const int MaxLength = 200;

    private BookingKeys(string bookingKey, bool fromCaller)
    {
        BookingKey = bookingKey;
        FromCaller = fromCaller;
    }

    /// <summary>The caller's key, or the one made for this call.</summary>
    public string BookingKey { get; }

    /// <summary>Whether the caller chose the key (and so knows it without being told).</summary>
    public bool FromCaller { get; }

    /// <summary>Whether a POST of the booking has been sent (from then on, every failure carries the key).</summary>
    public bool Posted { get; set; }

    public string Patient => BookingKey + "/patient";

    public string FirstChoice => BookingKey + "/appointment";

    public static BookingKeys For(string? callerKey)
        => callerKey is null ? new BookingKeys(Guid.NewGuid().ToString(), fromCaller: false) : new BookingKeys(callerKey, fromCaller: true);

    /// <summary>Whether <paramref name="key"/> is 1 to <see cref="MaxLength"/> visible ASCII characters (inner spaces allowed), as an HTTP header carries it unchanged.</summary>
    public static bool IsValid(string key)
    {
        if (key.Length is 0 or > MaxLength || key[0] == ' ' || key[key.Length - 1] == ' ')
        {
            return false;
        }

        foreach (var c in key)
        {
            if (c is < ' ' or > '~')
            {
                return false;
            }
        }

        return true;
    }

    public string Rebooking(Slot slot) => FirstChoice + "/" + Digest(slot.ProviderUuid + "|" + slot.LocationUuid + "|" + PracticeLocalTime.ToWire(slot.ScheduledStart) + "|" + PracticeLocalTime.ToWire(slot.ScheduledEnd));

    // 64 bits of SHA-256: stable across processes, runtimes and machines, unlike string.GetHashCode.
    private static string Digest(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
#if NET5_0_OR_GREATER
        return Convert.ToHexString(SHA256.HashData(bytes), 0, 8).ToLowerInvariant();
#else
        using var sha = SHA256.Create();
        return BitConverter.ToString(sha.ComputeHash(bytes), 0, 8).Replace("-", string.Empty).ToLowerInvariant();
#endif
    }
}
