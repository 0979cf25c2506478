namespace Dentally.NexGen.Client.Testing.State;

/// <summary>
/// Everything the sandbox knows about one organisation, shared by the practices (tenants) of that
/// organisation. Not thread-safe by itself: every read and write happens under <see cref="Gate"/>,
/// which the request pipeline and the public test hooks take.
/// </summary>
internal sealed class SandboxState
{
    public SandboxState(NexGenSandboxOptions options, string organizationId, SandboxSeedIds seedIds, bool seedsGuideData)
    {
        Options = options;
        OrganizationId = organizationId;
        SeedIds = seedIds;
        SeedsGuideData = seedsGuideData;
        Restore();
    }

    public object Gate { get; } = new();

    /// <summary>The sandbox's options, for its clock and slot grid (the ids in them are the default tenant's).</summary>
    public NexGenSandboxOptions Options { get; }

    public string OrganizationId { get; }

    /// <summary>The ids the guide's data has in this organisation.</summary>
    public SandboxSeedIds SeedIds { get; }

    /// <summary>Whether the guide's data is loaded at start and on every reset.</summary>
    public bool SeedsGuideData { get; }

    public Catalog<Site> Sites { get; } = new(s => s.Uuid);

    public Catalog<Patient> Patients { get; } = new(p => p.Uuid);

    public Catalog<ProviderRecord> Providers { get; } = new(p => p.Uuid);

    public Catalog<AppointmentType> AppointmentTypes { get; } = new(t => t.Uuid);

    public Catalog<AppointmentRecord> Appointments { get; } = new(a => a.Uuid);

    /// <summary>The current instant, whole seconds, for <c>created_at</c>/<c>updated_at</c>.</summary>
    public DateTimeOffset Now()
    {
        var now = Options.TimeProvider.GetUtcNow().ToUniversalTime();
        return new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>Today's UTC date, for "not in the future" checks on dates of birth.</summary>
    public DateTime Today() => Options.TimeProvider.GetUtcNow().UtcDateTime.Date;

    /// <summary>Back to the start: the guide's data (when <see cref="SeedsGuideData"/>) and nothing else. Call under <see cref="Gate"/>.</summary>
    public void Restore()
    {
        Sites.Clear();
        Patients.Clear();
        Providers.Clear();
        AppointmentTypes.Clear();
        Appointments.Clear();
        if (SeedsGuideData)
        {
            GuideSeed.Apply(this);
        }
    }
}
