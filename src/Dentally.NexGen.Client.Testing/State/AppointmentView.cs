using Dentally.NexGen.Client.Testing.Contract;
using Dentally.NexGen.Client.Testing.Scheduling;

namespace Dentally.NexGen.Client.Testing.State;

/// <summary>Renders a stored booking as the contract's <c>Appointment</c>, with patient, type, location and provider expanded.</summary>
internal static class AppointmentView
{
    public static Appointment Render(SandboxState state, AppointmentRecord record)
    {
        var patient = state.Patients.Find(record.PatientUuid);
        var type = state.AppointmentTypes.Find(record.AppointmentTypeUuid);
        var site = state.Sites.Find(record.LocationUuid);
        var provider = state.Providers.Find(record.ProviderUuid);
        return new Appointment
        {
            Uuid = record.Uuid,
            Status = record.Status,
            Patient = new PatientSummary { Uuid = record.PatientUuid, FirstName = patient?.FirstName ?? string.Empty, LastName = patient?.LastName ?? string.Empty },
            AppointmentType = new AppointmentTypeSummary
            {
                Uuid = record.AppointmentTypeUuid,
                Name = type?.Name ?? string.Empty,
                DurationMinutes = type?.DurationMinutes ?? (int)(record.End - record.Start).TotalMinutes,
                Color = type?.Color ?? "#000000",
            },
            ScheduledStart = record.Start,
            ScheduledEnd = record.End,
            Location = new LocationSummary { Uuid = record.LocationUuid, Name = site?.Name ?? string.Empty },
            Provider = provider is null
                ? new Provider { Uuid = record.ProviderUuid, FirstName = string.Empty, LastName = string.Empty, Title = string.Empty }
                : SandboxJson.Copy(provider.Provider),
            Notes = record.Notes,
            CreatedAt = record.CreatedAt,
            UpdatedAt = record.UpdatedAt,
        };
    }
}
