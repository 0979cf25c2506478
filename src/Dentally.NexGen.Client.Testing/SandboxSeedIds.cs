using Dentally.NexGen.Client.Testing.State;

namespace Dentally.NexGen.Client.Testing;

/// <summary>
/// The UUIDs the guide's data has in one organisation (see <see cref="NexGenSandboxTenant.Seed"/>). The
/// sandbox's default organisation has the spec's own (<see cref="SandboxSeed"/>); every other organisation
/// has its own, derived from its id, so a request that reaches the wrong organisation fails instead of
/// finding the same ids. Names, codes and times are the guide's in every organisation.
/// </summary>
public sealed class SandboxSeedIds
{
    private SandboxSeedIds(Func<Guid, Guid> map)
    {
        MainStreetDental = map(SandboxSeed.MainStreetDental);
        HarbourViewDental = map(SandboxSeed.HarbourViewDental);
        JaneSmith = map(SandboxSeed.JaneSmith);
        JonathanSmith = map(SandboxSeed.JonathanSmith);
        MichaelChen = map(SandboxSeed.MichaelChen);
        PriyaNatarajan = map(SandboxSeed.PriyaNatarajan);
        NewPatientExam = map(SandboxSeed.NewPatientExam);
        HygieneCleaning = map(SandboxSeed.HygieneCleaning);
        EmergencyVisit = map(SandboxSeed.EmergencyVisit);
    }

    /// <summary>Main Street Dental (America/Los_Angeles; lunch break 12:30–13:30; closed at weekends).</summary>
    public Guid MainStreetDental { get; }

    /// <summary>Harbour View Dental (Europe/London; open Saturday mornings; no lunch break).</summary>
    public Guid HarbourViewDental { get; }

    /// <summary>Patient Jane Smith (preferred provider Michael Chen).</summary>
    public Guid JaneSmith { get; }

    /// <summary>Patient Jonathan Smith.</summary>
    public Guid JonathanSmith { get; }

    /// <summary>Provider Michael Chen, DDS.</summary>
    public Guid MichaelChen { get; }

    /// <summary>Provider Priya Natarajan, DMD.</summary>
    public Guid PriyaNatarajan { get; }

    /// <summary>Appointment type NPE, New Patient Exam (60 minutes).</summary>
    public Guid NewPatientExam { get; }

    /// <summary>Appointment type HYG, Hygiene / Cleaning (45 minutes).</summary>
    public Guid HygieneCleaning { get; }

    /// <summary>Appointment type EMG, Emergency Visit (30 minutes).</summary>
    public Guid EmergencyVisit { get; }

    /// <summary>The spec's own ids, those of <see cref="SandboxSeed"/>.</summary>
    internal static SandboxSeedIds Spec { get; } = new(id => id);

    /// <summary>The ids of another organisation: for each spec id, a name-based UUID of it and the organisation id.</summary>
    internal static SandboxSeedIds For(string organizationId) => new(id => NameBasedUuid.Create(id, organizationId));
}
