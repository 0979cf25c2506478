using Dentally.NexGen.Client;

namespace Dentally.NexGen.Samples.BookAppointment;

/// <summary>
/// Whether a search text is a patient's full name, by the rule BookingWorkflow applies to
/// BookingRequest.PatientQuery: "first last", case aside, with runs of white space in either the text or
/// the server's names counted as one space (a server may store "Mary  Ann" or "Smith ").
/// </summary>
internal static class FullName
{
    public static bool Is(string text, Patient patient)
        => string.Equals(Words(patient.FirstName + " " + patient.LastName), Words(text), StringComparison.OrdinalIgnoreCase);

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
