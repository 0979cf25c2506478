using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Scheduling;
using Dentally.NexGen.Client.Testing.State;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Testing;

// Test hooks for the organisation's data: seeding, pre-booking, forcing a status, and reading state
// back. Every hook takes the organisation's lock, as the request pipeline does, so it is safe while
// requests are in flight. The sandbox's own hooks are these, on its default tenant.
public sealed partial class NexGenSandboxTenant
{
    /// <summary>Adds a site, or replaces the one with the same UUID (an empty UUID gets a new one).</summary>
    /// <param name="site">The site; every member the contract requires must be set.</param>
    /// <returns>The stored site (a copy).</returns>
    public Site SeedSite(Site site) => Store(site, s => s.Uuid, (s, id) => s.Uuid = id, State.Sites, nameof(site));

    /// <summary>Adds a patient, or replaces the one with the same UUID (an empty UUID gets a new one).</summary>
    /// <param name="patient">The patient; first name, last name and date of birth are required.</param>
    /// <returns>The stored patient (a copy).</returns>
    public Patient SeedPatient(Patient patient) => Store(patient, p => p.Uuid, (p, id) => p.Uuid = id, State.Patients, nameof(patient));

    /// <summary>Adds an appointment type, or replaces the one with the same UUID (an empty UUID gets a new one).</summary>
    /// <param name="appointmentType">The type; <c>DurationMinutes</c> sizes its slots.</param>
    /// <returns>The stored type (a copy).</returns>
    public AppointmentType SeedAppointmentType(AppointmentType appointmentType)
    {
        ArgumentNullException.ThrowIfNull(appointmentType);
        if (appointmentType.DurationMinutes < 1)
        {
            throw new ArgumentException("appointmentType.DurationMinutes must be 1 or more.", nameof(appointmentType));
        }

        return Store(appointmentType, t => t.Uuid, (t, id) => t.Uuid = id, State.AppointmentTypes, nameof(appointmentType));
    }

    /// <summary>Adds a provider, or replaces the one with the same UUID (an empty UUID gets a new one).</summary>
    /// <param name="provider">The provider.</param>
    /// <param name="isActive">Whether it is active (inactive providers are filtered by <c>is_active</c>, offered no slots and cannot be booked).</param>
    /// <param name="locationUuids">The sites it works at; <see langword="null"/> for every site.</param>
    /// <returns>The stored provider (a copy).</returns>
    public Provider SeedProvider(Provider provider, bool isActive = true, IEnumerable<Guid>? locationUuids = null)
    {
        var copy = Copy(provider, nameof(provider));
        if (copy.Uuid == Guid.Empty)
        {
            copy.Uuid = Guid.NewGuid();
        }

        lock (State.Gate)
        {
            State.Providers.Put(new ProviderRecord(copy, isActive, locationUuids?.ToHashSet()));
        }

        return SandboxJson.Copy(copy);
    }

    /// <summary>
    /// Books a slot directly, as if another client had booked it: the provider is then busy in that
    /// window (availability leaves it out; booking it is a 409). Overlapping an existing booking throws.
    /// </summary>
    /// <param name="providerUuid">The provider.</param>
    /// <param name="scheduledStart">Practice-local start.</param>
    /// <param name="scheduledEnd">Practice-local end; <see langword="null"/> for the start plus the type's duration.</param>
    /// <param name="locationUuid">The site; <see langword="null"/> for the first site (Main Street Dental when seeded).</param>
    /// <param name="patientUuid">The patient; <see langword="null"/> for the first patient (Jane Smith when seeded).</param>
    /// <param name="appointmentTypeUuid">The type; <see langword="null"/> for the first type (New Patient Exam when seeded).</param>
    /// <param name="notes">Optional notes.</param>
    /// <returns>The booked appointment.</returns>
    public Appointment PreBook(
        Guid providerUuid,
        DateTime scheduledStart,
        DateTime? scheduledEnd = null,
        Guid? locationUuid = null,
        Guid? patientUuid = null,
        Guid? appointmentTypeUuid = null,
        string? notes = null)
    {
        lock (State.Gate)
        {
            var provider = State.Providers.Find(providerUuid) ?? throw new ArgumentException($"No provider {providerUuid}.", nameof(providerUuid));
            var site = Pick(State.Sites, locationUuid, nameof(locationUuid));
            var patient = Pick(State.Patients, patientUuid, nameof(patientUuid));
            var type = Pick(State.AppointmentTypes, appointmentTypeUuid, nameof(appointmentTypeUuid));
            // The contract's times are whole seconds: the models' converter writes no fractions (nor did the wire text before it).
            var start = WholeSeconds(scheduledStart);
            var end = WholeSeconds(scheduledEnd ?? start.AddMinutes(type.DurationMinutes));
            if (end <= start)
            {
                throw new ArgumentException("scheduledEnd must be after scheduledStart.", nameof(scheduledEnd));
            }

            var zone = TimeZones.Find(site.Timezone);
            if (BookingConflicts.Find(State, provider.Uuid, TimeZones.ToUtc(start, zone), TimeZones.ToUtc(end, zone)) is { } clash)
            {
                throw new InvalidOperationException(
                    $"Provider {providerUuid} is already booked from {LocalTimes.Write(clash.Start)} to {LocalTimes.Write(clash.End)} (appointment {clash.Uuid}).");
            }

            var record = new AppointmentRecord(Guid.NewGuid(), patient.Uuid, type.Uuid, site.Uuid, provider.Uuid, notes, State.Now());
            record.Schedule(start, end, zone);
            State.Appointments.Put(record);
            return AppointmentView.Render(State, record);
        }
    }

    /// <summary>Forces an appointment's status, bypassing the lifecycle (e.g. to a value the contract may add later, such as <c>no_show</c>).</summary>
    /// <param name="appointmentUuid">The appointment.</param>
    /// <param name="status">The new status.</param>
    /// <returns>The appointment in its new status.</returns>
    public Appointment SetAppointmentStatus(Guid appointmentUuid, string status)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(status);
        lock (State.Gate)
        {
            var record = State.Appointments.Find(appointmentUuid) ?? throw new ArgumentException($"No appointment {appointmentUuid}.", nameof(appointmentUuid));
            record.Status = status;
            record.UpdatedAt = State.Now();
            return AppointmentView.Render(State, record);
        }
    }

    /// <summary>Every appointment, cancelled ones included, in booking order (a snapshot).</summary>
    /// <returns>The appointments.</returns>
    public IReadOnlyList<Appointment> GetAppointments()
    {
        lock (State.Gate)
        {
            return State.Appointments.All.Select(a => AppointmentView.Render(State, a)).ToList();
        }
    }

    /// <summary>Every patient, in the order they were added (a snapshot).</summary>
    /// <returns>The patients.</returns>
    public IReadOnlyList<Patient> GetPatients()
    {
        lock (State.Gate)
        {
            return State.Patients.All.Select(SandboxJson.Copy).ToList();
        }
    }

    private T Store<T>(T value, Func<T, Guid> id, Action<T, Guid> setId, Catalog<T> catalog, string parameterName)
        where T : class
    {
        var copy = Copy(value, parameterName);
        if (id(copy) == Guid.Empty)
        {
            setId(copy, Guid.NewGuid());
        }

        lock (State.Gate)
        {
            catalog.Put(copy);
        }

        return SandboxJson.Copy(copy);
    }

    private static DateTime WholeSeconds(DateTime value)
        => new(value.Ticks - (value.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Unspecified);

    private static T Copy<T>(T value, string parameterName)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        try
        {
            return SandboxJson.Copy(value);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"{parameterName} is incomplete: {exception.Message}", parameterName, exception);
        }
    }

    private static T Pick<T>(Catalog<T> catalog, Guid? id, string parameterName)
        where T : class
        => id is { } value
            ? catalog.Find(value) ?? throw new ArgumentException($"No {typeof(T).Name} {value}.", parameterName)
            : (catalog.All.Count > 0 ? catalog.All[0] : null) ?? throw new InvalidOperationException($"The sandbox has no {typeof(T).Name} to default to; pass {parameterName}.");
}
