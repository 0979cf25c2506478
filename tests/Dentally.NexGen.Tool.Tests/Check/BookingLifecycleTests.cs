using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.Tool.Tests.Support;

namespace Dentally.NexGen.Tool.Tests.Check;

/// <summary>
/// The booking lifecycle of a check with writes, against servers that break what the SDK relies on:
/// each break is reported, and whatever was booked is cancelled.
/// </summary>
public sealed class BookingLifecycleTests : IAsyncDisposable
{
    private readonly SandboxFixture _fixture = new();

    [Fact]
    public async Task A_server_that_ignores_Idempotency_Key_is_reported_and_nothing_stays_booked()
    {
        var options = _fixture.Options(allowWrites: true);
        using var handler = new WithoutIdempotencyKeys();
        options.HttpMessageHandler = handler;

        var report = await NexGenContractCheck.RunAsync(options);

        var difference = Assert.Single(report.Differences);
        Assert.Equal(
            ("createAppointment", "status", DifferenceClass.Breaking, "semantic-broken", "201 replayed for the same Idempotency-Key and body", "409"),
            (difference.Operation, difference.Path, difference.Class, difference.Kind, difference.Expected, difference.Actual));
        Assert.All(_fixture.Sandbox.GetAppointments(), a => Assert.Equal("cancelled", a.Status));
        Assert.Single(_fixture.Sandbox.GetAppointments());
    }

    [Fact]
    public async Task The_lifecycle_books_far_from_today_and_never_creates_a_patient()
    {
        var patients = _fixture.Sandbox.GetPatients().Count;

        await NexGenContractCheck.RunAsync(_fixture.Options(allowWrites: true));

        var booked = Assert.Single(_fixture.Sandbox.GetAppointments());
        Assert.True(booked.ScheduledStart >= _fixture.Clock.GetUtcNow().UtcDateTime.AddDays(59), $"booked at {booked.ScheduledStart:s}");
        Assert.Equal("cancelled", booked.Status);
        Assert.Equal(patients, _fixture.Sandbox.GetPatients().Count);
        var keys = _fixture.Sandbox.ReceivedRequests.Where(r => r.Method == "POST" && r.Path.EndsWith("/appointments", StringComparison.Ordinal)).Select(r => r.Header("Idempotency-Key")).ToList();
        Assert.Equal(3, keys.Count);
        Assert.Equal(keys[0], keys[1]);
        Assert.NotEqual(keys[0], keys[2]);
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();

    /// <summary>A server that forgets idempotency keys: the keys are dropped on the way.</summary>
    private sealed class WithoutIdempotencyKeys() : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove("Idempotency-Key");
            return base.SendAsync(request, cancellationToken);
        }
    }
}
