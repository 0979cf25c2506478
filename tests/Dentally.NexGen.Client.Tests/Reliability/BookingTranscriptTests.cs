using System.Text;
using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Reliability;

/// <summary>
/// The requests of a booking with a conflict and a rebook, an availability query and a listing are
/// byte-identical whatever the machine's time zone: CI runs this under three TZ values against one
/// approved transcript.
/// </summary>
[Trait("Category", "TimeZone")]
public sealed class BookingTranscriptTests
{
    private static readonly string Approved = Path.Combine(RepoPaths.RepoRoot, "tests", "Dentally.NexGen.Client.Tests", "Reliability", "BookingTranscript.approved.txt");

    [Fact]
    public async Task The_requests_are_the_approved_bytes_in_any_time_zone()
    {
        await using var sandbox = await NexGenSandbox.StartAsync();
        sandbox.PreBook(SandboxSeed.MichaelChen, new DateTime(2025, 5, 20, 10, 0, 0), patientUuid: SandboxSeed.JonathanSmith);
        var client = new NexGenClient(sandbox.CreateOptions().OnTestClock());
        sandbox.ClearReceivedRequests();

        await new BookingWorkflow(client).BookAsync(new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = SandboxSeed.MainStreetDental,
            Start = new DateTime(2025, 5, 20, 10, 0, 0),
            Notes = "New patient — first visit",
        });
        await client.Schedule.GetAvailabilityAsync(SandboxSeed.MainStreetDental, SandboxSeed.HygieneCleaning, new DateTime(2025, 5, 20, 23, 0, 0), new DateTime(2025, 5, 21, 9, 0, 0), SandboxSeed.MichaelChen);
        await client.Appointments.ListAsync(new AppointmentQuery { From = new DateTime(2025, 3, 30, 1, 30, 0), To = new DateTime(2025, 10, 26, 2, 30, 0) });

        var transcript = new StringBuilder();
        foreach (var request in sandbox.ReceivedRequests)
        {
            transcript.Append(request.Method).Append(' ').Append(request.Path).Append(string.IsNullOrEmpty(request.Query) ? string.Empty : "?" + request.Query.TrimStart('?')).Append('\n');
            if (!string.IsNullOrEmpty(request.Body))
            {
                transcript.Append(request.Body).Append('\n');
            }
        }

        var actual = transcript.ToString();
        var expected = File.Exists(Approved) ? File.ReadAllText(Approved) : string.Empty;
        if (actual != expected)
        {
            File.WriteAllText(Path.ChangeExtension(Approved, ".received.txt"), actual);
        }

        Assert.True(actual == expected, $"Requests differ from the approved transcript under TZ={TimeZoneInfo.Local.Id}; see {Path.ChangeExtension(Approved, ".received.txt")}.");
    }
}
