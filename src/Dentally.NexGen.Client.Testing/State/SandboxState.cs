namespace Dentally.NexGen.Client.Testing.State;

/// <summary>
/// Everything the sandbox knows. Not thread-safe by itself: every read and write happens under
/// <see cref="Gate"/>, which the request pipeline and the public test hooks take.
/// </summary>
internal sealed class SandboxState
{
    public SandboxState(NexGenSandboxOptions options) => Options = options;

    public object Gate { get; } = new();

    public NexGenSandboxOptions Options { get; }

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

    public void Clear()
    {
        Sites.Clear();
        Patients.Clear();
        Providers.Clear();
        AppointmentTypes.Clear();
        Appointments.Clear();
    }
}
