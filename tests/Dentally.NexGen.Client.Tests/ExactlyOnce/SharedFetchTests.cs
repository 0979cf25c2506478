using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

/// <summary>One caller never fails another: work the workflow shares between callers outlives any one caller's cancellation.</summary>
public sealed class SharedFetchTests : IAsyncLifetime
{
    private static readonly TimeSpan Hold = TimeSpan.FromSeconds(3);
    private readonly TestClock _sandboxClock = new();
    private NexGenSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { TimeProvider = _sandboxClock });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task On_a_cold_cache_one_booking_cancelled_while_both_wait_for_the_types_leaves_the_other_to_book()
    {
        _sandbox.InjectFault("GET", "/api/v1/{org_id}/appointment-types", SandboxFault.Delay(Hold));
        var workflow = new BookingWorkflow(new NexGenClient(_sandbox.CreateOptions().OnTestClock()));
        using var cancellation = new CancellationTokenSource();

        var cancelled = workflow.BookAsync(Request(SandboxSeed.JaneSmith, 10), cancellation.Token);
        var other = workflow.BookAsync(Request(SandboxSeed.JonathanSmith, 14));
        await Waiting.UntilAsync(() => _sandboxClock.IsArmed(Hold), "the sandbox to hold the appointment-type request");
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Waiting.Patience));
        _sandboxClock.Advance(Hold);
        var booked = await other.WaitAsync(Waiting.Patience);

        Assert.Equal(SandboxSeed.JonathanSmith, booked.Appointment.Patient.Uuid);
        Assert.Single(_sandbox.ReceivedRequests, r => r.Path.EndsWith("/appointment-types", StringComparison.Ordinal));
        Assert.Single(_sandbox.GetAppointments());
    }

    [Fact]
    public async Task A_fetch_every_caller_left_is_cancelled_and_the_next_caller_starts_a_new_one()
    {
        _sandbox.InjectFault("GET", "/api/v1/{org_id}/appointment-types", SandboxFault.Delay(Hold));
        var client = new NexGenClient(_sandbox.CreateOptions().OnTestClock());
        var cache = new AppointmentTypeCache();
        using var cancellation = new CancellationTokenSource();

        var abandoned = cache.GetAsync(client, cancellation.Token);
        await Waiting.UntilAsync(() => _sandboxClock.IsArmed(Hold), "the sandbox to hold the appointment-type request");
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        var lookup = await cache.GetAsync(client);

        Assert.False(lookup.FromCache);
        Assert.Contains(lookup.Types, t => t.Code == "NPE");
        Assert.Equal(2, _sandbox.ReceivedRequests.Count(r => r.Path.EndsWith("/appointment-types", StringComparison.Ordinal)));
    }

    private static BookingRequest Request(Guid patient, int hour) => new()
    {
        PatientUuid = patient,
        ProviderUuid = SandboxSeed.MichaelChen,
        AppointmentTypeCode = "NPE",
        LocationUuid = SandboxSeed.MainStreetDental,
        Start = new DateTime(2025, 5, 20, hour, 0, 0),
    };
}
