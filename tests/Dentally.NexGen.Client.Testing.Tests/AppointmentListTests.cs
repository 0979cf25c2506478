using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>GET appointments: filters, practice-local window, ordering by start and paging.</summary>
[Trait("Category", "TimeZone")]
public sealed class AppointmentListTests : IAsyncDisposable
{
    private readonly NexGenSandbox _sandbox = NexGenSandbox.Start();

    [Fact]
    public async Task Filters_combine_and_results_are_ordered_by_start()
    {
        var late = _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(15));
        var early = _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(9));
        var priya = _sandbox.PreBook(SandboxSeed.PriyaNatarajan, Bodies.At(10), patientUuid: SandboxSeed.JonathanSmith);
        var nextDay = _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(24 + 9), locationUuid: SandboxSeed.HarbourViewDental);
        var client = Sandboxes.Client(_sandbox);
        await client.Appointments.CancelAsync(late.Uuid);

        var all = await client.Appointments.ListAsync();
        var chen = await client.Appointments.ListAsync(new AppointmentQuery { ProviderUuid = SandboxSeed.MichaelChen });
        var jonathan = await client.Appointments.ListAsync(new AppointmentQuery { PatientUuid = SandboxSeed.JonathanSmith });
        var harbour = await client.Appointments.ListAsync(new AppointmentQuery { LocationUuid = SandboxSeed.HarbourViewDental });
        var cancelled = await client.Appointments.ListAsync(new AppointmentQuery { Status = AppointmentStatuses.Cancelled });
        var guideDay = await client.Appointments.ListAsync(new AppointmentQuery { From = Bodies.GuideDay, To = Bodies.GuideDay.AddDays(1) });

        Assert.Equal([early.Uuid, priya.Uuid, late.Uuid, nextDay.Uuid], all.Items.Select(a => a.Uuid));
        Assert.Equal([early.Uuid, late.Uuid, nextDay.Uuid], chen.Items.Select(a => a.Uuid));
        Assert.Equal(priya.Uuid, Assert.Single(jonathan.Items).Uuid);
        Assert.Equal(nextDay.Uuid, Assert.Single(harbour.Items).Uuid);
        Assert.Equal(late.Uuid, Assert.Single(cancelled.Items).Uuid);
        Assert.Equal(3, guideDay.Total);
    }

    [Fact]
    public async Task Paging_walks_every_appointment()
    {
        for (var hour = 9; hour < 16; hour++)
        {
            _sandbox.PreBook(SandboxSeed.MichaelChen, Bodies.At(hour));
        }

        var client = Sandboxes.Client(_sandbox);

        var second = await client.Appointments.ListAsync(page: 2, pageSize: 3);
        var all = await client.Appointments.ListAllAsync(pageSize: 2).ToListAsync();

        Assert.Equal((2, 3, 7), (second.Page, second.PageSize, second.Total));
        Assert.Equal(new DateTime(2025, 5, 20, 12, 0, 0), second.Items[0].ScheduledStart);
        Assert.Equal(7, all.Count);
    }

    [Fact]
    public async Task A_bad_window_is_a_422()
    {
        using var http = _sandbox.CreateHttpClient();

        var reversed = await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/appointments?from=2025-05-21T00:00:00&to=2025-05-20T00:00:00"), 422, "validation-error");
        var offset = await Raw.ProblemAsync(await Raw.GetAsync(http, Raw.Org(_sandbox) + "/appointments?from=2025-05-20T00:00:00%2B01:00"), 422, "validation-error");

        Assert.Equal(["must be after from"], Raw.Errors(reversed, "to"));
        Assert.Equal(["must be a practice-local time without an offset or Z, e.g. 2025-05-20T10:00:00"], Raw.Errors(offset, "from"));
    }

    public ValueTask DisposeAsync() => _sandbox.DisposeAsync();
}
