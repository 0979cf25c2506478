using Dentally.NexGen.ContractCheck.Validation;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// With writes allowed: one booking lifecycle in a free slot far from today, for a patient the search
/// found (it never creates one). Create under an <c>Idempotency-Key</c>; the same request again must
/// replay the same appointment; the same slot under another key must be a 409 <c>slot-conflict</c>;
/// then a status change and a cancel, so nothing stays booked — the cancel is tried whatever failed
/// before it.
/// </summary>
internal static class BookingLifecycleProbe
{
    public static async Task RunAsync(CheckSession session, CancellationToken cancellationToken)
    {
        if (!session.Ids.TryGetValue("patient", out var patient))
        {
            session.Report("createAppointment", "$", DifferenceClass.Info, DifferenceKinds.NotChecked, "a patient to book for", "no patient found by the search (the check never creates one)");
            return;
        }

        var availability = await ReadOnlyProbes.AvailabilityAsync(session, session.Options.DaysAhead, cancellationToken).ConfigureAwait(false);
        if (availability?.Body?["items"] is not JArray { Count: > 0 } slots || slots[0] is not JObject slot)
        {
            session.Report("createAppointment", "$", DifferenceClass.Info, DifferenceKinds.NotChecked, "a free slot", $"no free slot {session.Options.DaysAhead} to {session.Options.DaysAhead + 7} days from today");
            return;
        }

        var key = Guid.NewGuid().ToString();
        var booked = new CheckBookings(key);
        var body = new JObject
        {
            ["patient_uuid"] = patient,
            ["appointment_type_uuid"] = session.Ids["appointment-type"],
            ["location_uuid"] = slot["location_uuid"],
            ["provider_uuid"] = slot["provider_uuid"],
            ["scheduled_start"] = slot["scheduled_start"],
            ["scheduled_end"] = slot["scheduled_end"],
            ["notes"] = booked.Notes,
        }.ToString(Newtonsoft.Json.Formatting.None);

        var create = session.Request("createAppointment") with { JsonBody = body, IdempotencyKey = key };
        try
        {
            await BookAsync(session, create, booked, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Not the caller's token: a check stopped (Ctrl+C) after booking still cancels what it booked,
            // each request bounded by the request timeout.
            await CheckCleanUp.RunAsync(session, create, booked, patient, slot, stopped: cancellationToken.IsCancellationRequested).ConfigureAwait(false);
        }
    }

    private static async Task BookAsync(CheckSession session, ProbeRequest create, CheckBookings booked, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ProbeAnswer first;
        booked.Sending();
        try
        {
            first = await session.SendAsync(create, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or NexGenContractCheckException)
        {
            // The server may have booked without its answer being read (stopped, timed out, cut off): the same
            // request under the same key replays that booking, not a new one, and names it to cancel.
            await RecoverAsync(session, create, booked).ConfigureAwait(false);
            throw;
        }

        if (CheckBookings.MayHaveBeenApplied(first.Status))
        {
            // The server may have booked before it (or a gateway) failed, as the SDK assumes when it sends again.
            await RecoverAsync(session, create, booked).ConfigureAwait(false);
        }

        booked.Answered(first);
        var appointment = booked.Note(first);
        if (!session.Expect(first, 201, "201 for a booking in a free slot") || appointment is null)
        {
            return;
        }

        booked.Sending();
        var replay = await session.SendAsync(create with { Note = "same key again" }, cancellationToken).ConfigureAwait(false);
        booked.Answered(replay);
        var replayed = booked.Note(replay);
        if (session.Expect(replay, 201, "201 replayed for the same Idempotency-Key and body") && replayed != appointment)
        {
            session.Report("createAppointment", "$.uuid", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "the same appointment replayed for the same Idempotency-Key", "another appointment", replay.RequestId);
        }

        booked.Sending();
        var conflict = await session.SendAsync(create with { IdempotencyKey = Guid.NewGuid().ToString(), Note = "same slot, another key" }, cancellationToken).ConfigureAwait(false);
        booked.Answered(conflict);
        booked.Note(conflict);
        if (session.Expect(conflict, 409, "409 slot-conflict for a slot already booked") && !(conflict.ProblemType?.EndsWith("/slot-conflict", StringComparison.Ordinal) ?? false))
        {
            session.Report("createAppointment", "$.type", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "slot-conflict for a slot already booked", conflict.ProblemType is null ? "none" : ValueDescription.ProblemType(conflict.ProblemType), conflict.RequestId);
        }

        var confirmed = await session.SendAsync(
            session.Request("changeAppointmentStatus") with { PathValues = Path(appointment), JsonBody = """{"status":"confirmed"}""" },
            cancellationToken).ConfigureAwait(false);
        if (session.Expect(confirmed, 200, "200 for scheduled to confirmed") && confirmed.Member("status") != "confirmed")
        {
            session.Report("changeAppointmentStatus", "$.status", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "confirmed", ValueDescription.EnumValueOf(confirmed.Body?["status"]), confirmed.RequestId);
        }
    }

    /// <summary>Asks for the booking again under its key, to learn the appointment a lost answer made; a failure here leaves the first one's to be told.</summary>
    private static async Task RecoverAsync(CheckSession session, ProbeRequest create, CheckBookings booked)
    {
        try
        {
            var again = await session.SendAsync(create with { Note = "same key again, to cancel what an unread answer booked" }, CancellationToken.None).ConfigureAwait(false);
            // Not taken as the lost answer's: a server without replay books again, so the slot is still looked at.
            if (!again.IsSuccess)
            {
                // Refused (a 409 for the slot the first request took, on a server that does not replay): that booking is unknown.
                booked.MayHaveBooked();
            }

            booked.Note(again);
        }
        catch (NexGenContractCheckException)
        {
            booked.MayHaveBooked();
        }
    }

    internal static Dictionary<string, string> Path(string appointment) => new() { ["appointment_uuid"] = appointment };
}
