namespace Dentally.NexGen.Client;

/// <summary>
/// Sends one POST of a booking and says what its failure means for the booking. A failure after
/// which the server may have applied the POST (no answer, a timeout, a 5xx, the key still in flight,
/// a cancellation) becomes <see cref="BookingOutcomeUnknownException"/>, which tells the caller how to
/// run the booking again safely; a caller who chose the key knows it already, so their own
/// cancellation stays an <see cref="OperationCanceledException"/>. A key sent before with another
/// body becomes <see cref="BookingKeyReusedException"/>. Every other failure is a definite answer
/// (nothing was applied) and passes unchanged.
/// </summary>
internal static class BookingPost
{
    public static async Task<T> SendAsync<T>(Func<Task<T>> post, BookingKeys keys, Slot? slot, CancellationToken cancellationToken)
    {
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
        catch (Exception exception) when (MayHaveBeenApplied(exception))
        {
            throw new BookingOutcomeUnknownException(keys.BookingKey, slot, exception);
        }
    }

    private static bool MayHaveBeenApplied(Exception exception)
        => exception is NexGenTransportException or NexGenIdempotencyKeyInUseException or OperationCanceledException
            || exception is NexGenApiException { StatusCode: >= 500 };
}
