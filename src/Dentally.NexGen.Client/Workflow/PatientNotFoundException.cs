namespace Dentally.NexGen.Client;

/// <summary>The patient search found nobody and the request carried no data to create the patient.</summary>
public sealed class PatientNotFoundException : NexGenBookingException
{
    internal PatientNotFoundException(bool filteredByDateOfBirth)
        : base(filteredByDateOfBirth
            ? "No patient matches the search and date of birth. Check the query, or set CreatePatientIfMissing."
            : "No patient matches the search. Check the query, or set CreatePatientIfMissing.")
    {
    }
}
