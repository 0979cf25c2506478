using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.Tool.Tests.Support;

namespace Dentally.NexGen.Tool.Tests.Check;

/// <summary>The sandbox is the contract's reference implementation: the check finds no difference in it, read-only or with writes.</summary>
public sealed class SandboxCheckTests : IAsyncDisposable
{
    private readonly SandboxFixture _fixture = new();

    [Fact]
    public async Task A_read_only_check_of_the_sandbox_finds_no_difference_and_sends_only_GET()
    {
        var report = await NexGenContractCheck.RunAsync(_fixture.Options());

        Assert.Equal("2026-01-01", report.ContractVersion);
        Assert.Empty(report.Differences);
        // Every GET operation was sent (an unchecked one would be reported as not-checked), and only GETs.
        Assert.All(_fixture.Sandbox.ReceivedRequests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task A_check_with_writes_finds_no_difference_and_leaves_nothing_booked()
    {
        var before = _fixture.Sandbox.GetAppointments().Count(a => a.Status != "cancelled");

        var report = await NexGenContractCheck.RunAsync(_fixture.Options(allowWrites: true));

        Assert.Empty(report.Differences);
        Assert.Equal(before, _fixture.Sandbox.GetAppointments().Count(a => a.Status != "cancelled"));
        var writes = _fixture.Sandbox.ReceivedRequests.Where(r => r.Method != "GET").Select(r => $"{r.Method} {r.Path.Split('/')[^1]}").ToList();
        Assert.Equal(["POST appointments", "POST appointments", "POST appointments", "POST status", "POST cancel"], writes);
        Assert.DoesNotContain(_fixture.Sandbox.ReceivedRequests, r => r.Method != "GET" && r.Path.EndsWith("/patients", StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync() => _fixture.DisposeAsync();
}
