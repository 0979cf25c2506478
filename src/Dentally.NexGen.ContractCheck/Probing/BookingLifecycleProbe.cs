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
    /// <summary>The notes of every appointment the check books, by which one left booked can be found.</summary>
    private const string Notes = "Booked and cancelled by the NexGen contract check.";

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

        var body = new JObject
        {
            ["patient_uuid"] = patient,
            ["appointment_type_uuid"] = session.Ids["appointment-type"],
            ["location_uuid"] = slot["location_uuid"],
            ["provider_uuid"] = slot["provider_uuid"],
            ["scheduled_start"] = slot["scheduled_start"],
            ["scheduled_end"] = slot["scheduled_end"],
            ["notes"] = Notes,
        }.ToString(Newtonsoft.Json.Formatting.None);

        var create = session.Request("createAppointment") with { JsonBody = body, IdempotencyKey = Guid.NewGuid().ToString() };
        var booked = new CheckBookings();
        try
        {
            await BookAsync(session, create, booked, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            // Not the caller's token: a check stopped (Ctrl+C) after booking still cancels what it booked,
            // each request bounded by the request timeout.
            await SweepAsync(session, patient, slot, booked).ConfigureAwait(false);
            await CancelAllAsync(session, create, booked).ConfigureAwait(false);
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

        if (first.Status is 408 or >= 500)
        {
            // The server may have booked before it (or a gateway) failed, as the SDK assumes when it sends again.
            await RecoverAsync(session, create, booked).ConfigureAwait(false);
        }

        var appointment = booked.Note(first);
        if (!session.Expect(first, 201, "201 for a booking in a free slot") || appointment is null)
        {
            return;
        }

        var replay = await session.SendAsync(create with { Note = "same key again" }, cancellationToken).ConfigureAwait(false);
        var replayed = booked.Note(replay);
        if (session.Expect(replay, 201, "201 replayed for the same Idempotency-Key and body") && replayed != appointment)
        {
            session.Report("createAppointment", "$.uuid", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "the same appointment replayed for the same Idempotency-Key", "another appointment", replay.RequestId);
        }

        var conflict = await session.SendAsync(create with { IdempotencyKey = Guid.NewGuid().ToString(), Note = "same slot, another key" }, cancellationToken).ConfigureAwait(false);
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

    /// <summary>
    /// Lists the patient's appointments starting in the slot the check booked, and takes every one holding the check's
    /// notes and not cancelled as the check's: whatever a create whose answer was lost or unreadable made (any of the
    /// three creates, on a server that neither replays a key nor refuses the slot twice) is then cancelled too. An
    /// appointment without the check's notes is never taken. When it finds one no answer named, and every item shows its
    /// notes, it settles a booking the check could not name (it is the one found, and is cancelled). A look that fails,
    /// or finds nothing new, leaves things as they were.
    /// </summary>
    private static async Task SweepAsync(CheckSession session, string patient, JObject slot, CheckBookings booked)
    {
        if (!booked.Attempted || slot["scheduled_start"] is not JValue { Type: JTokenType.String } start
            || !DateTime.TryParseExact((string)start!, "yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var from))
        {
            return;
        }

        ProbeAnswer listed;
        try
        {
            listed = await session.SendAsync(
                session.Request("listAppointments") with
                {
                    Note = "the slot the check booked, for anything it booked unseen",
                    Query =
                    [
                        new("patient_uuid", patient),
                        new("location_uuid", (string?)slot["location_uuid"] ?? string.Empty),
                        new("provider_uuid", (string?)slot["provider_uuid"] ?? string.Empty),
                        new("from", (string)start!),
                        new("to", from.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                        new("page_size", "100"),
                    ],
                },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (NexGenContractCheckException)
        {
            return;
        }

        if (!listed.IsSuccess || listed.Body?["items"] is not JArray items)
        {
            return;
        }

        var everyNoteShown = true;
        var foundUnseen = false;
        foreach (var item in items.OfType<JObject>())
        {
            var notes = item["notes"] is JValue { Type: JTokenType.String } value ? (string?)value : null;
            everyNoteShown &= notes is not null;
            if (notes == Notes && (string?)item["status"] != "cancelled" && item["uuid"] is JValue { Type: JTokenType.String } id && (string?)id is { Length: > 0 } uuid)
            {
                foundUnseen |= booked.Found(uuid);
            }
        }

        // Only a look that found what no answer named settles it: a list that has not caught up yet shows nothing.
        if (foundUnseen && everyNoteShown && items.Count < 100)
        {
            booked.Settled();
        }
    }

    /// <summary>Cancels every appointment booked, each tried whatever the others did; one left booked ends the check with its id.</summary>
    private static async Task CancelAllAsync(CheckSession session, ProbeRequest create, CheckBookings booked)
    {
        var left = new List<string>();
        NexGenContractCheckException? failure = null;
        foreach (var appointment in booked.Ids)
        {
            try
            {
                await CancelAsync(session, appointment, CancellationToken.None).ConfigureAwait(false);
            }
            catch (NexGenContractCheckException exception)
            {
                left.Add(appointment);
                failure ??= exception;
            }
        }

        if (booked.Unnamed)
        {
            session.Report(create.Operation.Id, "$.uuid", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "the uuid of the appointment booked, to cancel it with", "none: the appointment the check booked stays booked; cancel it in the practice (notes: " + Notes + ")");
        }

        if (left.Count > 0 || booked.Uncertain)
        {
            var what = left.Count > 0
                ? $"appointment {string.Join(", ", left)} it booked is still booked"
                : "it may have booked an appointment whose answer it could not read";
            var message = $"The check could not cancel what it booked: {what}; cancel it in the practice (notes: {Notes}).";
            throw failure is null ? new NexGenContractCheckException(message) : new NexGenContractCheckException($"{message} {failure.Message}", failure);
        }
    }

    private static async Task CancelAsync(CheckSession session, string appointment, CancellationToken cancellationToken)
    {
        var cancelled = await session.SendAsync(
            session.Request("cancelAppointment") with { PathValues = Path(appointment), JsonBody = """{"reason":"NexGen contract check"}""" },
            cancellationToken).ConfigureAwait(false);
        if (TransientStatus.Is(cancelled.Status))
        {
            // Busy or failing, not refusing: the appointment is named as left booked (exit 2), not a broken semantic.
            throw new NexGenContractCheckException(FormattableString.Invariant($"Its cancel was answered {cancelled.Status}: the server (or a gateway in front of it) was busy or failing."));
        }

        if (session.Expect(cancelled, 200, "200 for cancelling a confirmed appointment") && cancelled.Member("status") != "cancelled")
        {
            session.Report("cancelAppointment", "$.status", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "cancelled", ValueDescription.EnumValueOf(cancelled.Body?["status"]), cancelled.RequestId);
        }

        if (!cancelled.IsSuccess)
        {
            // Refused (a member the server now requires of a cancel): the report must say what it left behind.
            session.Report("cancelAppointment", "$", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "the appointment the check booked, cancelled", "still booked: cancel it in the practice (notes: " + Notes + ")", cancelled.RequestId);
        }
    }

    private static Dictionary<string, string> Path(string appointment) => new() { ["appointment_uuid"] = appointment };
}
