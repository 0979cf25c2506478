namespace Dentally.NexGen.Client;

/// <summary>Rejects a bad <see cref="BookingRequest"/> before the workflow sends anything.</summary>
internal static class BookingRequestValidator
{
    public static void Validate(BookingRequest request)
    {
        Guard.NotNull(request, nameof(request));
        if (request.PatientUuid is null == string.IsNullOrWhiteSpace(request.PatientQuery))
        {
            throw new ArgumentException("Set exactly one of request.PatientUuid and request.PatientQuery.", "request.PatientQuery");
        }

        Client.Validate.OptionalId(request.PatientUuid, "request.PatientUuid");
        if (request.CreatePatientIfMissing is { } create)
        {
            if (request.PatientQuery is null)
            {
                throw new ArgumentException("request.CreatePatientIfMissing needs request.PatientQuery.", "request.CreatePatientIfMissing");
            }

            Client.Validate.Text(create.FirstName, "request.CreatePatientIfMissing.FirstName");
            Client.Validate.Text(create.LastName, "request.CreatePatientIfMissing.LastName");
        }

        if (request.AppointmentTypeUuid is null == string.IsNullOrWhiteSpace(request.AppointmentTypeCode))
        {
            throw new ArgumentException("Set exactly one of request.AppointmentTypeCode and request.AppointmentTypeUuid.", "request.AppointmentTypeCode");
        }

        Client.Validate.OptionalId(request.AppointmentTypeUuid, "request.AppointmentTypeUuid");
        Client.Validate.Id(request.LocationUuid, "request.LocationUuid");
        Client.Validate.OptionalId(request.ProviderUuid, "request.ProviderUuid");
        PracticeLocalTime.Check(request.Start, "request.Start");
        if (request.End is { } end)
        {
            PracticeLocalTime.Check(end, "request.End");
            Client.Validate.EndAfterStart(end > request.Start, "request.Start", "request.End");
        }

        if (request.Notes is { Length: > 2000 })
        {
            throw new ArgumentException("request.Notes must be at most 2000 characters.", "request.Notes");
        }

        var policy = request.Rebooking ?? throw new ArgumentNullException("request.Rebooking");
        if (policy.MaxRebookAttempts is < 0 or > RebookingPolicy.MaxAllowedRebookAttempts)
        {
            throw new ArgumentOutOfRangeException("request.Rebooking.MaxRebookAttempts", policy.MaxRebookAttempts, $"MaxRebookAttempts must be between 0 and {RebookingPolicy.MaxAllowedRebookAttempts}.");
        }

        if (policy.MaxDelay is { } delay && (delay <= TimeSpan.Zero || delay > TimeSpan.FromDays(Client.Validate.MaxAvailabilityDays)))
        {
            throw new ArgumentOutOfRangeException("request.Rebooking.MaxDelay", delay, "MaxDelay must be positive and at most 31 days.");
        }
    }
}
