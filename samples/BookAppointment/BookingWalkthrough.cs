using System.Globalization;
using Dentally.NexGen.Client;

namespace Dentally.NexGen.Samples.BookAppointment;

/// <summary>The guide's four steps through the SDK, narrated on the console.</summary>
internal sealed class BookingWalkthrough(NexGenClient client, ReplayWatch replays, TextWriter output)
{
    // Practice-local times are DateTime values (kind Unspecified); shown here as the API writes them.
    private const string Time = "yyyy-MM-ddTHH:mm:ss";

    private readonly AppointmentTypeCache _types = new();

    public async Task RunAsync(BookingSettings settings, CancellationToken cancellationToken)
    {
        output.WriteLine();
        output.WriteLine("Step 1 · Find the patient");
        var patient = await FindPatientAsync(settings.Patient, cancellationToken);
        output.WriteLine($"  {patient.FirstName} {patient.LastName}, born {patient.DateOfBirth:yyyy-MM-dd} ({patient.Uuid})");

        output.WriteLine();
        output.WriteLine("Step 2 · Appointment types");
        var first = await _types.GetAsync(client, cancellationToken);
        foreach (var type in first.Types)
        {
            output.WriteLine($"  {type.Code,-4} {type.Name,-22} {type.DurationMinutes,3} min{(type.IsActive ? string.Empty : "  (inactive)")}");
        }

        var second = await _types.GetAsync(client, cancellationToken);
        output.WriteLine($"  first lookup: {(first.FromCache ? "from cache" : "from the API")}; second lookup: {(second.FromCache ? "from cache" : "from the API")}");

        output.WriteLine();
        output.WriteLine("Step 3 · Book");
        var workflow = new BookingWorkflow(client, _types);
        var result = await workflow.BookAsync(new BookingRequest
        {
            PatientUuid = patient.Uuid,
            ProviderUuid = settings.Provider ?? patient.PreferredProviderUuid,
            AppointmentTypeCode = settings.TypeCode,
            LocationUuid = settings.Location,
            Start = settings.Start,
            Notes = settings.Notes,
            IdempotencyKey = settings.IdempotencyKey,
        }, cancellationToken);
        foreach (var attempt in result.Attempts)
        {
            var line = attempt.Outcome switch
            {
                BookingAttemptOutcome.Booked when replays.EarlierRunReplayed => "POST {0:" + Time + "} – {1:" + Time + "} with provider {2} → 201 Created, replayed: the answer an earlier run with this key got",
                BookingAttemptOutcome.Booked => "POST {0:" + Time + "} – {1:" + Time + "} with provider {2} → 201 Created",
                BookingAttemptOutcome.Conflict => "POST {0:" + Time + "} – {1:" + Time + "} with provider {2} → 409 Conflict (slot-conflict)",
                _ => "found {0:" + Time + "} – {1:" + Time + "} with provider {2}: an appointment that holds this booking, taken as an earlier run's with this key",
            };
            output.WriteLine("  " + string.Format(CultureInfo.InvariantCulture, line, attempt.Slot.ScheduledStart, attempt.Slot.ScheduledEnd, attempt.Slot.ProviderUuid));
        }

        output.WriteLine($"  rebooked: {(result.Rebooked ? "yes" : "no")} · attempts: {result.Attempts.Count} · HTTP requests: {result.HttpRequestCount}");
        output.WriteLine($"  idempotency key: {result.IdempotencyKey}");
        if (result.AlreadyBooked || replays.EarlierRunReplayed)
        {
            // A replay proves the key made it; the earlier-run check only proves that the patient already
            // holds this very booking (same type, site, provider and length), which a booking made another way can too.
            output.WriteLine(result.AlreadyBooked
                ? $"  Already booked: appointment {result.Appointment.Uuid} already holds this booking (patient, type, site, provider and length), so the earlier-run check took it as this key's earlier run; nothing new was booked."
                : $"  Already booked: appointment {result.Appointment.Uuid} was made by an earlier run with this key (the server replayed that run's answer); nothing new was booked.");
        }

        output.WriteLine();
        output.WriteLine("Step 4 · Confirmation");
        var appointment = result.Appointment;
        output.WriteLine($"  Appointment  {appointment.Uuid}");
        output.WriteLine($"  Status       {appointment.Status}");
        output.WriteLine($"  Patient      {appointment.Patient.FirstName} {appointment.Patient.LastName}");
        output.WriteLine($"  Type         {appointment.AppointmentType.Name} ({appointment.AppointmentType.DurationMinutes} min)");
        output.WriteLine(string.Format(CultureInfo.InvariantCulture, "  Time         {0:" + Time + "} – {1:" + Time + "} (practice-local)", appointment.ScheduledStart, appointment.ScheduledEnd));
        output.WriteLine($"  Location     {appointment.Location.Name}");
        output.WriteLine($"  Provider     {appointment.Provider.FirstName} {appointment.Provider.LastName}, {appointment.Provider.Title}");
    }

    private async Task<Patient> FindPatientAsync(string patient, CancellationToken cancellationToken)
    {
        if (Guid.TryParse(patient, out var uuid))
        {
            return await client.Patients.GetAsync(uuid, cancellationToken);
        }

        output.WriteLine($"  searching for \"{patient}\"");
        var matches = await client.Patients.SearchAllAsync(patient, cancellationToken: cancellationToken).ToListAsync(cancellationToken);

        // How a server matches a search is its own: one answers "Jane Smith" with Jane Smith alone, another
        // with every patient matching either word. A name that is exactly one match's full name names it
        // (as BookingWorkflow does with BookingRequest.PatientQuery).
        var named = matches.FindAll(m => FullName.Is(patient, m));
        matches = named.Count > 0 ? named : matches;
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException($"No patient matches \"{patient}\".", nameof(patient)),
            _ => throw new ArgumentException($"{matches.Count} patients match \"{patient}\"; pass --patient with a uuid: {string.Join(", ", matches.Select(m => m.Uuid))}.", nameof(patient)),
        };
    }
}
