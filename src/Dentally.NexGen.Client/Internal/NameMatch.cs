namespace Dentally.NexGen.Client;

/// <summary>How surely a patient's name holds, or is, what was asked for.</summary>
internal enum NameMatch
{
    No,
    Yes,

    /// <summary>Not found, but only accents could tell, and this runtime has no culture data to set them aside.</summary>
    Unsure,
}
