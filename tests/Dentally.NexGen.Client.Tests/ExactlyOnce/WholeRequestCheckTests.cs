using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.ExactlyOnce;

/// <summary>The booking request is checked whole before anything is sent.</summary>
public sealed class WholeRequestCheckTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    [Fact]
    public async Task A_start_that_was_never_set_is_refused_before_any_request()
    {
        var request = new BookingRequest { PatientQuery = "Jane", AppointmentTypeCode = "NPE", LocationUuid = Guid.NewGuid() };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new BookingWorkflow(_harness.Client).BookAsync(request));

        Assert.Equal("request.Start", error.ParamName);
        Assert.Contains("never set", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Requests);
    }

    [Fact]
    public async Task Every_problem_is_listed_in_one_exception()
    {
        var request = new BookingRequest
        {
            AppointmentTypeCode = "NPE",
            AppointmentTypeUuid = Guid.NewGuid(),
            Notes = new string('n', 2001),
            IdempotencyKey = " padded ",
            Rebooking = new RebookingPolicy { MaxRebookAttempts = 99 },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new BookingWorkflow(_harness.Client).BookAsync(request));

        Assert.StartsWith("The booking request has 7 problems:", error.Message, StringComparison.Ordinal);
        foreach (var field in new[] { "request.PatientQuery", "request.AppointmentTypeCode", "request.LocationUuid", "request.Start", "request.Notes", "request.IdempotencyKey", "request.Rebooking.MaxRebookAttempts" })
        {
            Assert.Contains(field, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal("request.PatientQuery", error.ParamName);
        Assert.DoesNotContain("Actual value", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Requests);
    }

    public void Dispose() => _harness.Dispose();
}
