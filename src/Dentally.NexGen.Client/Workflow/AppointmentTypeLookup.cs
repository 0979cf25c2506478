namespace Dentally.NexGen.Client;

/// <summary>An organisation's appointment types as <see cref="AppointmentTypeCache"/> returned them.</summary>
public sealed class AppointmentTypeLookup
{
    internal AppointmentTypeLookup(IReadOnlyList<AppointmentType> types, bool fromCache)
    {
        Types = types;
        FromCache = fromCache;
    }

    /// <summary>Every type, active and inactive.</summary>
    public IReadOnlyList<AppointmentType> Types { get; }

    /// <summary>Whether the types came from the cache (no request was made).</summary>
    public bool FromCache { get; }
}
