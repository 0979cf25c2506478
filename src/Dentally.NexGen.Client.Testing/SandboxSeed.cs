namespace Dentally.NexGen.Client.Testing;

/// <summary>
/// Identifiers of the data a sandbox starts with: exactly the examples of the spec
/// (<c>spec/openapi.yaml</c>, <c>components/examples</c>) and the booking guide.
/// </summary>
public static class SandboxSeed
{
    /// <summary>The guide's organisation, <c>org_7f3c2a9e</c>.</summary>
    public const string OrganizationId = "org_7f3c2a9e";

    /// <summary>The spec's practice, <c>practice_42</c>.</summary>
    public const string PracticeId = "practice_42";

    /// <summary>The token a default sandbox accepts.</summary>
    public const string Token = "tok_sandbox_7d1e4b2a";

    /// <summary>Main Street Dental (America/Los_Angeles; lunch break 12:30–13:30; closed at weekends).</summary>
    public static readonly Guid MainStreetDental = new("c3d4e5f6-a7b8-9012-cdef-123456789012");

    /// <summary>Harbour View Dental (Europe/London; open Saturday mornings; no lunch break).</summary>
    public static readonly Guid HarbourViewDental = new("7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d");

    /// <summary>Patient Jane Smith (preferred provider Michael Chen).</summary>
    public static readonly Guid JaneSmith = new("a1b2c3d4-e5f6-7890-abcd-ef1234567890");

    /// <summary>Patient Jonathan Smith.</summary>
    public static readonly Guid JonathanSmith = new("f0e1d2c3-b4a5-6789-0123-456789abcdef");

    /// <summary>Provider Michael Chen, DDS.</summary>
    public static readonly Guid MichaelChen = new("d4e5f6a7-b8c9-0123-defa-234567890123");

    /// <summary>Provider Priya Natarajan, DMD.</summary>
    public static readonly Guid PriyaNatarajan = new("0f1e2d3c-4b5a-4697-8877-665544332211");

    /// <summary>Appointment type NPE, New Patient Exam (60 minutes).</summary>
    public static readonly Guid NewPatientExam = new("b2c3d4e5-f6a7-8901-bcde-f12345678901");

    /// <summary>Appointment type HYG, Hygiene / Cleaning (45 minutes).</summary>
    public static readonly Guid HygieneCleaning = new("c4d5e6f7-a8b9-0123-cdef-345678901234");

    /// <summary>Appointment type EMG, Emergency Visit (30 minutes).</summary>
    public static readonly Guid EmergencyVisit = new("e6f7a8b9-c0d1-2345-efab-567890123456");
}
