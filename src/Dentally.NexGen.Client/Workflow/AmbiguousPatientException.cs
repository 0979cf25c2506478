using System.Globalization;

namespace Dentally.NexGen.Client;

/// <summary>The patient search found several patients; <see cref="Candidates"/> lists them. Pass a uuid or a date of birth.</summary>
public sealed class AmbiguousPatientException : NexGenBookingException
{
    internal AmbiguousPatientException(IReadOnlyList<PatientCandidate> candidates)
        : base(string.Format(CultureInfo.InvariantCulture,
            "{0} patients match the search ({1}). Pass PatientUuid or PatientDateOfBirth to choose one.",
            candidates.Count, string.Join(", ", candidates.Select(c => c.Uuid))))
    {
        Candidates = candidates;
    }

    /// <summary>The matching patients.</summary>
    public IReadOnlyList<PatientCandidate> Candidates { get; }
}

/// <summary>A patient who matched an ambiguous search.</summary>
public sealed class PatientCandidate
{
    internal PatientCandidate(Patient patient)
    {
        Uuid = patient.Uuid;
        FirstName = patient.FirstName;
        LastName = patient.LastName;
        DateOfBirth = patient.DateOfBirth;
    }

    /// <summary>The patient's uuid.</summary>
    public Guid Uuid { get; }

    /// <summary>First name.</summary>
    public string FirstName { get; }

    /// <summary>Last name.</summary>
    public string LastName { get; }

    /// <summary>Date of birth.</summary>
    public DateTime DateOfBirth { get; }

    /// <summary>The uuid only: names are patient data and stay out of logs.</summary>
    /// <returns>The uuid.</returns>
    public override string ToString() => Uuid.ToString();
}
