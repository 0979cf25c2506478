using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Client.Tests.ManyPractices;

/// <summary>
/// The appointment-type cache never lets one tenant's fetch answer another's call: a fetch is made with
/// one practice's token and <c>X-Practice-Id</c>, and the API may refuse that practice while serving its neighbour.
/// </summary>
public sealed class TypeCacheTenantTests : IAsyncLifetime
{
    private const string RefusedPractice = "practice_refused";
    private NexGenSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task A_practice_refused_while_its_cold_fetch_is_under_way_does_not_fail_another_practices_booking()
    {
        using var transport = new HoldingTransport();
        var refusal = transport.Hold(IsRefusedTypeList);
        var options = _sandbox.CreateOptions();
        options.TimeProvider = new FakeTimeProvider();
        var booked = new BookingWorkflow(new NexGenClient(options, transport));
        var refused = booked.ForPractice(_sandbox.OrganizationId, RefusedPractice);

        // A's cold fetch is under way (its 403 held at the transport) when B's booking asks for the types.
        var first = refused.BookAsync(Request(SandboxSeed.JaneSmith));
        await refusal.WhenHoldingAsync(1);
        var second = booked.BookAsync(Request(SandboxSeed.JonathanSmith));

        // Before the fix, B joined A's fetch and waited for it: B never finished while A was held.
        // (A real-time limit only as a failure guard: B's own fetch answers at once.)
        var result = await second.WaitAsync(Waiting.Patience);
        refusal.Release();
        var forbidden = await Assert.ThrowsAsync<NexGenForbiddenException>(() => first);

        Assert.Equal(SandboxSeed.JonathanSmith, result.Appointment.Patient.Uuid);
        Assert.Contains(RefusedPractice, forbidden.Message, StringComparison.Ordinal);
        Assert.Single(_sandbox.GetAppointments());
        Assert.Single(_sandbox.ReceivedRequests, r => r.Path.EndsWith("/appointment-types", StringComparison.Ordinal) && r.Header("X-Practice-Id") == _sandbox.PracticeId);
    }

    [Fact]
    public async Task A_practices_refusal_is_not_cached_for_another_practice()
    {
        var options = _sandbox.CreateOptions();
        options.TimeProvider = new FakeTimeProvider();
        var booked = new BookingWorkflow(new NexGenClient(options));

        await Assert.ThrowsAsync<NexGenForbiddenException>(() => booked.ForPractice(_sandbox.OrganizationId, RefusedPractice).BookAsync(Request(SandboxSeed.JaneSmith)));
        var result = await booked.BookAsync(Request(SandboxSeed.JonathanSmith));

        Assert.Equal(SandboxSeed.JonathanSmith, result.Appointment.Patient.Uuid);
    }

    private static BookingRequest Request(Guid patient) => new()
    {
        PatientUuid = patient,
        ProviderUuid = SandboxSeed.MichaelChen,
        AppointmentTypeCode = "NPE",
        LocationUuid = SandboxSeed.MainStreetDental,
        Start = new DateTime(2025, 5, 20, patient == SandboxSeed.JaneSmith ? 10 : 14, 0, 0),
    };

    // The sandbox refuses the practice its token was not issued for (403): its type list is the cold fetch to hold.
    private static bool IsRefusedTypeList(HttpRequestMessage request)
        => SdkHarness.HasHeader(request, "X-Practice-Id", RefusedPractice)
            && request.RequestUri!.AbsolutePath.EndsWith("/appointment-types", StringComparison.Ordinal);
}
