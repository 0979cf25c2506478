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

        var body = new JObject
        {
            ["patient_uuid"] = patient,
            ["appointment_type_uuid"] = session.Ids["appointment-type"],
            ["location_uuid"] = slot["location_uuid"],
            ["provider_uuid"] = slot["provider_uuid"],
            ["scheduled_start"] = slot["scheduled_start"],
            ["scheduled_end"] = slot["scheduled_end"],
            ["notes"] = "Booked and cancelled by the NexGen contract check.",
        }.ToString(Newtonsoft.Json.Formatting.None);

        var booked = new List<string>();
        try
        {
            await BookAsync(session, body, booked, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var appointment in booked)
            {
                await CancelAsync(session, appointment, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task BookAsync(CheckSession session, string body, List<string> booked, CancellationToken cancellationToken)
    {
        var key = Guid.NewGuid().ToString();
        var create = session.Request("createAppointment") with { JsonBody = body, IdempotencyKey = key };
        var first = await session.SendAsync(create, cancellationToken).ConfigureAwait(false);
        if (!session.Expect(first, 201, "201 for a booking in a free slot") || first.Member("uuid") is not { } appointment)
        {
            return;
        }

        booked.Add(appointment);
        var replay = await session.SendAsync(create with { Note = "same key again" }, cancellationToken).ConfigureAwait(false);
        if (session.Expect(replay, 201, "201 replayed for the same Idempotency-Key and body") && replay.Member("uuid") != appointment)
        {
            session.Report("createAppointment", "$.uuid", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "the same appointment replayed for the same Idempotency-Key", "another appointment", replay.RequestId);
            Remember(booked, replay.Member("uuid"));
        }

        var conflict = await session.SendAsync(create with { IdempotencyKey = Guid.NewGuid().ToString(), Note = "same slot, another key" }, cancellationToken).ConfigureAwait(false);
        if (!session.Expect(conflict, 409, "409 slot-conflict for a slot already booked"))
        {
            Remember(booked, conflict.IsSuccess ? conflict.Member("uuid") : null);
        }
        else if (!(conflict.ProblemType?.EndsWith("/slot-conflict", StringComparison.Ordinal) ?? false))
        {
            session.Report("createAppointment", "$.type", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "slot-conflict for a slot already booked", conflict.ProblemType ?? "none", conflict.RequestId);
        }

        var confirmed = await session.SendAsync(
            session.Request("changeAppointmentStatus") with { PathValues = Path(appointment), JsonBody = """{"status":"confirmed"}""" },
            cancellationToken).ConfigureAwait(false);
        if (session.Expect(confirmed, 200, "200 for scheduled to confirmed") && confirmed.Member("status") != "confirmed")
        {
            session.Report("changeAppointmentStatus", "$.status", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "confirmed", ValueDescription.EnumValueOf(confirmed.Body?["status"]), confirmed.RequestId);
        }
    }

    private static async Task CancelAsync(CheckSession session, string appointment, CancellationToken cancellationToken)
    {
        var cancelled = await session.SendAsync(
            session.Request("cancelAppointment") with { PathValues = Path(appointment), JsonBody = """{"reason":"NexGen contract check"}""" },
            cancellationToken).ConfigureAwait(false);
        if (session.Expect(cancelled, 200, "200 for cancelling a confirmed appointment") && cancelled.Member("status") != "cancelled")
        {
            session.Report("cancelAppointment", "$.status", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "cancelled", ValueDescription.EnumValueOf(cancelled.Body?["status"]), cancelled.RequestId);
        }
    }

    private static Dictionary<string, string> Path(string appointment) => new() { ["appointment_uuid"] = appointment };

    private static void Remember(List<string> booked, string? appointment)
    {
        if (appointment is not null && !booked.Contains(appointment))
        {
            booked.Add(appointment);
        }
    }
}
