namespace Dentally.NexGen.Client.Testing.State;

/// <summary>A provider plus what the <c>Provider</c> model does not carry: whether it is active and where it works.</summary>
internal sealed class ProviderRecord
{
    public ProviderRecord(Provider provider, bool isActive, IReadOnlyCollection<Guid>? locationUuids)
    {
        Provider = provider;
        IsActive = isActive;
        LocationUuids = locationUuids;
    }

    public Provider Provider { get; }

    public Guid Uuid => Provider.Uuid;

    public bool IsActive { get; }

    /// <summary>The sites the provider works at; <see langword="null"/> means every site.</summary>
    public IReadOnlyCollection<Guid>? LocationUuids { get; }

    public bool WorksAt(Guid locationUuid) => LocationUuids is null || LocationUuids.Contains(locationUuid);
}
