namespace Dentally.NexGen.Client;

/// <summary>The request named no provider and the patient has no preferred provider.</summary>
public sealed class ProviderNotSpecifiedException : NexGenBookingException
{
    internal ProviderNotSpecifiedException(Guid patientUuid)
        : base($"No provider given and patient {patientUuid} has no preferred provider. Set BookingRequest.ProviderUuid.")
    {
        PatientUuid = patientUuid;
    }

    /// <summary>The patient without a preferred provider.</summary>
    public Guid PatientUuid { get; }
}
