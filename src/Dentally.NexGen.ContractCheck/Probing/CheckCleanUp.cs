using System.Globalization;
using Dentally.NexGen.ContractCheck.Validation;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// Leaves nothing of the booking lifecycle booked: cancels every appointment an answer named, then — only when a
/// create's outcome is unknown — looks at the booked slot for this run's appointments no answer named (any of the
/// creates, on a server that neither replays a key nor refuses a taken slot) and cancels those too. Each request is
/// bounded by the request timeout, not the caller's token. What it cannot cancel or find ends the check (exit 2)
/// with the appointment's id and the run's notes.
/// </summary>
internal static class CheckCleanUp
{
    public static async Task RunAsync(CheckSession session, ProbeRequest create, CheckBookings booked, string patient, JObject slot, bool stopped)
    {
        var left = new List<string>();
        var refused = new List<string>();
        var tried = new HashSet<string>(StringComparer.Ordinal);
        NexGenContractCheckException? failure = null;

        async Task CancelEachAsync()
        {
            foreach (var appointment in booked.Ids.Where(tried.Add).ToList())
            {
                try
                {
                    if (!await CancelAsync(session, booked, appointment).ConfigureAwait(false))
                    {
                        refused.Add(appointment);
                    }
                }
                catch (NexGenContractCheckException exception)
                {
                    left.Add(appointment);
                    failure ??= exception;
                }
            }
        }

        // The appointments named first: after Ctrl+C, the look at the slot must not hold up their cancels.
        await CancelEachAsync().ConfigureAwait(false);
        if (booked.MayHoldUnseen)
        {
            try
            {
                await LookAtTheSlotAsync(session, booked, patient, slot).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Whatever the look meets (an answer of another shape, a timeout), the cancels and the account below still run.
            catch (Exception)
#pragma warning restore CA1031
            {
            }

            await CancelEachAsync().ConfigureAwait(false);
        }

        if (booked.Unnamed)
        {
            session.Report(create.Operation.Id, "$.uuid", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "the uuid of the appointment booked, to cancel it with", "none: the appointment the check booked stays booked; cancel it in the practice (notes: " + booked.Notes + ")");
        }

        // A stopped run's report is not written: what a refused cancel or an unnamed booking left is told here instead.
        var stillBooked = stopped ? left.Concat(refused).ToList() : left;
        if (stillBooked.Count > 0 || booked.Uncertain || (stopped && booked.Unnamed))
        {
            var what = stillBooked.Count > 0
                ? $"appointment {string.Join(", ", stillBooked)} it booked is still booked"
                : "it may have booked an appointment whose answer it could not read";
            var message = $"The check could not cancel what it booked: {what}; cancel it in the practice (notes: {booked.Notes}).";
            throw failure is null ? new NexGenContractCheckException(message) : new NexGenContractCheckException($"{message} {failure.Message}", failure);
        }
    }

    /// <summary>Cancels one appointment: whether it is cancelled now. A busy server's answer, or none, throws.</summary>
    private static async Task<bool> CancelAsync(CheckSession session, CheckBookings booked, string appointment)
    {
        var cancelled = await session.SendAsync(
            session.Request("cancelAppointment") with { PathValues = BookingLifecycleProbe.Path(appointment), JsonBody = """{"reason":"NexGen contract check"}""" },
            CancellationToken.None).ConfigureAwait(false);
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
            session.Report("cancelAppointment", "$", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "the appointment the check booked, cancelled", "still booked: cancel it in the practice (notes: " + booked.Notes + ")", cancelled.RequestId);
        }

        return cancelled.IsSuccess;
    }

    /// <summary>
    /// Lists the patient's appointments starting in the booked slot and takes each one of this run's (its notes,
    /// this patient, this start, not cancelled) that no answer named. When it finds one, every item shows its notes
    /// and the list is whole (its <c>total</c>), what no answer named is settled: it is the one found.
    /// </summary>
    private static async Task LookAtTheSlotAsync(CheckSession session, CheckBookings booked, string patient, JObject slot)
    {
        if (JsonText.Of(slot, "scheduled_start") is not { } start || JsonText.Of(slot, "location_uuid") is not { } location || JsonText.Of(slot, "provider_uuid") is not { } provider
            || !DateTime.TryParseExact(start, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            return;
        }

        var listed = await session.SendAsync(
            session.Request("listAppointments") with
            {
                Note = "the slot the check booked, for anything it booked unseen",
                Query =
                [
                    new("patient_uuid", patient),
                    new("location_uuid", location),
                    new("provider_uuid", provider),
                    new("from", start),
                    new("to", from.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
                    new("page_size", "100"),
                ],
            },
            CancellationToken.None).ConfigureAwait(false);
        if (!listed.IsSuccess || listed.Body is not JObject page || page["items"] is not JArray items)
        {
            return;
        }

        var everyNoteShown = true;
        var foundUnseen = false;
        foreach (var item in items.OfType<JObject>())
        {
            var notes = JsonText.Of(item, "notes");
            everyNoteShown &= notes is not null;
            if (notes == booked.Notes && JsonText.Of(item, "status") != "cancelled" && JsonText.Of(item, "scheduled_start") == start
                && (item["patient"] is not JObject owner || JsonText.Of(owner, "uuid") == patient) && JsonText.Of(item, "uuid") is { Length: > 0 } uuid)
            {
                foundUnseen |= booked.Found(uuid);
            }
        }

        var whole = page["total"] is JValue { Type: JTokenType.Integer } total && total.Value<long>() <= items.Count;
        if (foundUnseen && everyNoteShown && whole)
        {
            booked.Settled();
        }
    }
}
