#if NEXGEN_SAMPLES
using System.Text.RegularExpressions;
using Dentally.NexGen.Client.Tests.Support;
using Dentally.NexGen.Independent;
using Dentally.NexGen.Samples.ListSites;
using Dentally.NexGen.Samples.PartnerSync;

namespace Dentally.NexGen.Client.Tests.Independent;

/// <summary>The booking sample with --base-url against the independent server (tests/IndependentServer/README.md), as a partner would first run it.</summary>
public sealed partial class IndependentSampleTests : IAsyncLifetime
{
    private IndependentServer _server = null!;

    public async Task InitializeAsync() => _server = await IndependentServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_sample_books_the_guide_and_its_rerun_with_the_key_returns_the_same_appointment()
    {
        string[] args = ["--base-url", _server.BaseAddress.ToString(), "--token", IndependentServer.Token, "--org", IndependentServer.Org, "--practice", IndependentServer.PracticeA, "--idempotency-key", "sample-1"];

        var (code, first, error) = await SampleRun.BookingAsync(args);
        var (_, second, _) = await SampleRun.BookingAsync(args);

        Assert.True(code == 0, error);
        Assert.Contains("  Jane Smith, born 1986-04-12 (a1b2c3d4-e5f6-7890-abcd-ef1234567890)", first, StringComparison.Ordinal);
        Assert.Contains("→ 409 Conflict (slot-conflict)", first, StringComparison.Ordinal);
        var booked = Assert.Single(AppointmentLine().Matches(first)).Groups["uuid"].Value;
        Assert.Equal(booked, Assert.Single(AppointmentLine().Matches(second)).Groups["uuid"].Value);
        Assert.Single(_server.Booked, a => a.Patient.Uuid == IndependentData.JaneSmith && a.Status == "scheduled");
    }

    [Fact]
    public async Task The_sample_picks_the_patient_whose_full_name_the_server_stores_with_other_spacing()
    {
        // The server answers every word (Jane and Jonathan Smith too) and stores the name with a double space.
        var maryAnn = new PatientRecord(Guid.Parse("2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a"), "Mary  Ann", "Smith ", new DateOnly(1990, 1, 2), null, null, IndependentData.MichaelChen);
        lock (_server.Data)
        {
            _server.Data.Patients.Add(maryAnn);
        }

        var (_, output, error) = await SampleRun.BookingAsync(
            ["--base-url", _server.BaseAddress.ToString(), "--token", IndependentServer.Token, "--org", IndependentServer.Org, "--practice", IndependentServer.PracticeA, "--patient", "mary ann smith"]);

        // Before: "3 patients match", as the sample compared the server's spacing as it came.
        Assert.DoesNotContain("patients match", error, StringComparison.Ordinal);
        Assert.Contains($"born 1990-01-02 ({maryAnn.Uuid})", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_partner_sample_books_through_a_practice_scope_and_rebooks_on_the_409()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await PartnerSyncSample.RunAsync(
            ["--base-url", _server.BaseAddress.ToString(), "--token", IndependentServer.Token, "--practice-target", $"{IndependentServer.Org}/{IndependentServer.PracticeA}/{IndependentData.MainStreetDental}"],
            output, error);

        Assert.True(code == 0, error.ToString());
        var booked = Assert.Single(_server.Booked, a => a.Patient.Uuid == IndependentData.JaneSmith && a.Status == "scheduled");
        Assert.Contains($"appointment {booked.Uuid} at 2025-05-20T10:30:00", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sites_sample_lists_opening_hours_sent_in_another_order_by_day_and_time()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SitesSample.RunAsync(["--base-url", _server.BaseAddress.ToString(), "--token", IndependentServer.Token, "--org", IndependentServer.Org, "--practice", IndependentServer.PracticeA], output, error);

        Assert.True(code == 0, error.ToString());
        var text = output.ToString();
        Assert.Contains("1 site(s)", text, StringComparison.Ordinal);
        Assert.Contains("  Tuesday    08:30–12:30, 13:30–17:30", text, StringComparison.Ordinal);
        Assert.Contains("  Saturday   closed", text, StringComparison.Ordinal);
        Assert.Contains("  Website    —", text, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^  Appointment  (?<uuid>[0-9a-f-]{36})\r?$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex AppointmentLine();
}
#endif
