namespace Dentally.NexGen.Client;

/// <summary>
/// What a <see cref="PatientCreate"/> must hold before it is sent, for <see cref="PatientsOperations.CreateAsync"/>
/// and for a booking's <see cref="BookingRequest.CreatePatientIfMissing"/> (which reports every problem at once).
/// No message quotes a value: names, dates of birth and email addresses are patient data.
/// </summary>
internal static class NewPatientRules
{
    /// <summary>Every problem of <paramref name="patient"/>, each naming its member below <paramref name="name"/>.</summary>
    public static IEnumerable<ArgumentException> Problems(PatientCreate patient, string name)
    {
        if (string.IsNullOrWhiteSpace(patient.FirstName))
        {
            yield return new ArgumentException($"{name}.FirstName must not be empty.", name + ".FirstName");
        }

        if (string.IsNullOrWhiteSpace(patient.LastName))
        {
            yield return new ArgumentException($"{name}.LastName must not be empty.", name + ".LastName");
        }

        if (patient.DateOfBirth == default)
        {
            yield return new ArgumentException($"{name}.DateOfBirth is required.", name + ".DateOfBirth");
        }
        else if (DateOfBirthProblem(patient.DateOfBirth, name + ".DateOfBirth") is { } problem)
        {
            yield return problem;
        }

        if (patient.Email is { } email && !LooksLikeEmail(email))
        {
            yield return new ArgumentException($"{name}.Email must be an email address (local-part@domain, without white space).", name + ".Email");
        }

        if (patient.PreferredProviderUuid == Guid.Empty)
        {
            yield return new ArgumentException($"{name}.PreferredProviderUuid must not be empty (Guid.Empty).", name + ".PreferredProviderUuid");
        }
    }

    /// <summary>
    /// A date of birth with a time of day (the contract's <c>format: date</c> has none) usually comes from an
    /// instant converted to another zone: its date may be the day before or after the birthday, and only the
    /// date is sent or compared. Refused, whatever the time, rather than sending or matching the wrong day.
    /// </summary>
    public static ArgumentException? DateOfBirthProblem(DateTime dateOfBirth, string parameterName)
        => dateOfBirth.TimeOfDay == TimeSpan.Zero ? null : new ArgumentException(
            $"{parameterName} must be a date without a time of day: create it with new DateTime(y, m, d); a time usually means an instant "
            + "converted to another zone, whose date can be a day off.",
            parameterName);

    // format: email, checked only as far as no valid address can fail: one '@' with text either side
    // (unicode allowed, a host without a dot allowed), no white space or control characters.
    private static bool LooksLikeEmail(string email)
    {
        var at = email.LastIndexOf('@');
        return at > 0 && at < email.Length - 1 && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c));
    }
}
