using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.Logging;
using static Dentally.NexGen.Client.Tests.Workflow.WorkflowStub;

namespace Dentally.NexGen.Client.Tests.Workflow;

/// <summary>The workflow reports an activity per step, counters, and uuid-only logs.</summary>
public sealed class BookingObservabilityTests : IDisposable
{
    private readonly SdkHarness _harness = new();

    [Fact]
    public async Task A_rebooked_booking_emits_step_activities_counters_and_name_free_logs()
    {
        Types(_harness);
        Search(_harness, "Jane", Page(PatientJson(Jane, "Jane", "1986-04-12", Chen)));
        PostAt(_harness, "2025-05-20T10:00:00", Conflict(SlotJson("2025-05-20T11:00:00", "2025-05-20T12:00:00")));
        PostAt(_harness, "2025-05-20T11:00:00", Created("2025-05-20T11:00:00", "2025-05-20T12:00:00"));
        using var activities = new ActivityRecorder();
        var counters = new Dictionary<string, long>();
        using var meters = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == NexGenDiagnostics.SourceName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        meters.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (counters)
            {
                counters[instrument.Name] = counters.GetValueOrDefault(instrument.Name) + value;
            }
        });
        meters.Start();
        var workflow = new BookingWorkflow(_harness.Client, logger: _harness.LoggerFactory.CreateLogger<BookingWorkflow>());

        // The listener hears every booking in this process, and other tests book the same stubbed
        // appointment at the same time: this test's activities are the ones under its own root.
        BookingResult result;
        ActivityTraceId trace;
        using (var root = new Activity("test").SetIdFormat(ActivityIdFormat.W3C).Start())
        {
            trace = root.TraceId;
            result = await workflow.BookAsync(JaneNpeAtTen());
        }

        var mine = activities.Under(trace);

        var book = mine.Single(a => a.OperationName == "BookingWorkflow.Book");
        Assert.Equal(result.Appointment.Uuid.ToString(), book.GetTagItem("nexgen.appointment_uuid"));
        Assert.Equal((SdkHarness.Org, SdkHarness.Practice), (book.GetTagItem(NexGenDiagnostics.OrganizationIdTag), book.GetTagItem(NexGenDiagnostics.PracticeIdTag)));
        var children = mine.Where(a => a.ParentSpanId == book.SpanId).Select(a => a.OperationName).ToList();
        Assert.Equal(new[] { "BookingWorkflow.ResolvePatient", "BookingWorkflow.ResolveAppointmentType", "BookingWorkflow.CreateAppointment", "BookingWorkflow.CreateAppointment" }, children);
        Assert.True((bool)book.GetTagItem("nexgen.rebooked")!);
        Assert.True(counters.GetValueOrDefault("nexgen.booking.bookings") >= 1);
        Assert.True(counters.GetValueOrDefault("nexgen.booking.conflicts") >= 1);
        Assert.True(counters.GetValueOrDefault("nexgen.booking.rebooks") >= 1);
        var lines = _harness.Logs.GetSnapshot().Select(r => r.Message).ToList();
        // A default host (Information) sees one line for the whole booking: the four HTTP attempts, the
        // steps and the conflict are Debug.
        var informative = _harness.Logs.GetSnapshot().Where(r => r.Level >= LogLevel.Information).Select(r => r.Message).ToList();
        Assert.Equal($"Booking: appointment {result.Appointment.Uuid} booked after 2 attempt(s) and 4 HTTP request(s) (organisation {SdkHarness.Org}, practice {SdkHarness.Practice})", Assert.Single(informative));
        Assert.Equal(4, _harness.Logs.GetSnapshot().Count(r => r.Level == LogLevel.Debug && r.Id.Name == "NexGenRequestCompleted"));
        Assert.Contains(lines, l => l.Contains($"patient {Jane} resolved by search", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains($"appointment {result.Appointment.Uuid} booked after 2 attempt(s)", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Jane", StringComparison.Ordinal) || l.Contains("Smith", StringComparison.Ordinal) || l.Contains(SdkHarness.Token, StringComparison.Ordinal));
        Assert.DoesNotContain(mine.SelectMany(a => a.TagObjects), t => t.Value?.ToString() is { } v && (v.Contains("Jane", StringComparison.Ordinal) || v.Contains(SdkHarness.Token, StringComparison.Ordinal)));
    }

    public void Dispose() => _harness.Dispose();
}
