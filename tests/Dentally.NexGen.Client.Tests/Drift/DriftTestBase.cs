using Dentally.NexGen.Client.Tests.Support;
using WireMock.RequestBuilders;

namespace Dentally.NexGen.Client.Tests.Drift;

/// <summary>A client over a WireMock server, with the drift counter listened to, for the tests of one kind of drift.</summary>
public abstract class DriftTestBase : IDisposable
{
    protected static readonly Guid AppointmentUuid = Guid.Parse("e5f6a7b8-c9d0-1234-efab-345678901234");

    internal DriftMeasurements Counter { get; } = new();

    internal SdkHarness Harness { get; } = new();

    public void Dispose()
    {
        Counter.Dispose();
        Harness.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Answers every GET with <paramref name="body"/>, 200.</summary>
    protected void Answer(string body)
        => Harness.Server.Given(Request.Create().UsingGet()).RespondWith(SdkHarness.Json(200, body));
}
