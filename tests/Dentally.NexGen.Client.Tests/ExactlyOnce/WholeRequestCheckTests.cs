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

    [Theory]
    [InlineData("9999-12-31T09:00:00", null, "request.Start")]
    [InlineData("9999-12-30T09:00:00", 3, "request.Rebooking.MaxDelay")]
    public async Task A_rebooking_window_that_would_end_after_the_calendar_is_refused_before_any_request(string start, int? maxDelayDays, string field)
    {
        var request = new BookingRequest
        {
            PatientUuid = Guid.NewGuid(),
            ProviderUuid = Guid.NewGuid(),
            AppointmentTypeCode = "NPE",
            LocationUuid = Guid.NewGuid(),
            Start = DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            Rebooking = new RebookingPolicy { MaxDelay = maxDelayDays is { } days ? TimeSpan.FromDays(days) : null },
        };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => new BookingWorkflow(_harness.Client).BookAsync(request));

        Assert.IsNotType<ArgumentOutOfRangeException>(error);
        Assert.Equal(field, error.ParamName);
        Assert.Contains("rebooking window", error.Message, StringComparison.Ordinal);
        Assert.Contains("9999-12-31T23:59:59", error.Message, StringComparison.Ordinal);
        Assert.Empty(_harness.Requests);
    }

    [Fact]
    public async Task A_window_that_fits_the_calendar_near_its_end_passes_the_check()
    {
        var start = new DateTime(9999, 12, 31, 9, 0, 0);
        var request = new BookingRequest { PatientUuid = Guid.NewGuid(), AppointmentTypeCode = "NPE", LocationUuid = Guid.NewGuid(), Start = start, Rebooking = new RebookingPolicy { MaxDelay = TimeSpan.FromHours(3) } };

        // Past the check, the first request goes out (and WireMock, with nothing mapped, answers 404).
        await Assert.ThrowsAnyAsync<NexGenApiException>(() => new BookingWorkflow(_harness.Client).BookAsync(request));

        Assert.NotEmpty(_harness.Requests);
    }

    [Fact]
    public async Task A_start_whose_type_would_end_after_the_calendar_is_refused_before_any_write()
    {
        Workflow.WorkflowStub.Types(_harness);
        var request = new BookingRequest
        {
            PatientUuid = Guid.NewGuid(),
            ProviderUuid = Guid.NewGuid(),
            AppointmentTypeCode = "NPE",
            LocationUuid = Guid.NewGuid(),
            Start = new DateTime(9999, 12, 31, 23, 30, 0),
            Rebooking = new RebookingPolicy { MaxDelay = TimeSpan.FromMinutes(15) },
        };

        // The type's 60 minutes are only known once the types are read: still before the first POST.
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new BookingWorkflow(_harness.Client).BookAsync(request));

        Assert.Equal("request.Start", error.ParamName);
        Assert.Contains("60 minutes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_harness.Requests, r => r.Method == "POST");
    }

    public void Dispose() => _harness.Dispose();
}
