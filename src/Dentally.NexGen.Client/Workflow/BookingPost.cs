namespace Dentally.NexGen.Client;

/// <summary>
/// Sends one POST of a booking and says what its failure means for the booking. Definite, and thrown
/// as it is: an answer that the server decided on the request itself, which the same key and body
/// would get again (400, 404, 409 <c>slot-conflict</c>, 422, and a success the SDK cannot read,
/// <see cref="NexGenContractViolationException"/>, which a rerun would only replay), and a failure
/// when no send of the POST is in doubt (<see cref="RequestCounter.InDoubt"/>): none was sent (its token
/// provider failed, the caller cancelled first, no connection could be made), or every send was refused before it was applied (401,
/// 403, 408, 429 — a caller cancelling during the wait a 429's <c>Retry-After</c> asked for included —
/// and a 307 or 308, whose exception says where the API moved: the SDK follows no redirect), which booked nothing. Every other failure — no answer, a timeout, a 5xx, a key still in flight, a
/// body cut off, a cancellation while a send was under way, or any of those on an earlier send — becomes
/// <see cref="BookingOutcomeUnknownException"/>, which tells the caller how to run the booking again
/// safely; a caller who chose the key knows it already, so their own cancellation stays an
/// <see cref="OperationCanceledException"/>. A key sent before with another body becomes
/// <see cref="BookingKeyReusedException"/>.
/// </summary>
internal static class BookingPost
{
    public static async Task<T> SendAsync<T>(Func<Task<T>> post, BookingKeys keys, Slot? slot, CancellationToken cancellationToken)
    {
        keys.Posted = true;
        using var sends = RequestCounter.Begin();
        try
        {
            return await post().ConfigureAwait(false);
        }
        catch (NexGenIdempotencyKeyMismatchException mismatch)
        {
            throw new BookingKeyReusedException(keys.BookingKey, mismatch);
        }
        catch (OperationCanceledException) when (keys.FromCaller && cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception) when (!IsDefinite(exception) && sends.Counter.InDoubt > 0)
        {
            throw new BookingOutcomeUnknownException(keys.BookingKey, slot, exception);
        }
    }

    /// <summary>
    /// Runs a lookup that settles a POST's outcome (was a conflict the booking's own appointment?): if
    /// it fails, that outcome stays unknown, whatever the lookup's own failure was.
    /// </summary>
    public static async Task<T> SettleAsync<T>(Func<Task<T>> lookup, BookingKeys keys, Slot? slot, CancellationToken cancellationToken)
    {
        try
        {
            return await lookup().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (keys.FromCaller && cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            throw new BookingOutcomeUnknownException(keys.BookingKey, slot, exception);
        }
    }

    /// <summary>
    /// The server refused the POST itself (400, 404, 422, the key used with another body): definite for
    /// a POST sent once, but for one sent again it may answer a retry after the first send committed.
    /// </summary>
    public static bool IsRefusal(Exception exception)
        => exception is BookingKeyReusedException
            || exception is NexGenApiException { StatusCode: 400 or 404 or 422 } and not NexGenTransportException and not NexGenContractViolationException;

    private static bool IsDefinite(Exception exception)
        => IsRefusal(exception)
            || exception is NexGenSlotConflictException
            || exception is NexGenContractViolationException
            || exception is ArgumentException;
}
