using Dentally.NexGen.ContractCheck;
using Dentally.NexGen.Independent;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Tool.Tests.Independent;

/// <summary>
/// <c>nexgen check</c> against a server that is not the sandbox but conforms to the contract
/// (tests/IndependentServer/README.md): whatever that server does differently within the contract is
/// never reported as breaking.
/// </summary>
public sealed class IndependentServerCheckTests : IAsyncLifetime
{
    private IndependentServer _server = null!;

    public async Task InitializeAsync() => _server = await IndependentServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_conforming_server_that_differs_from_the_sandbox_has_no_breaking_difference_and_keeps_nothing_booked()
    {
        var report = await NexGenContractCheck.RunAsync(new ContractCheckOptions
        {
            BaseAddress = _server.BaseAddress,
            OrganizationId = IndependentServer.Org,
            PracticeId = IndependentServer.PracticeA,
            Token = IndependentServer.Token,
            AllowWrites = true,
            // 60 days ahead is the week of the booking guide's day.
            TimeProvider = new FakeTimeProvider(new DateTimeOffset(2025, 3, 20, 12, 0, 0, TimeSpan.Zero)),
        });

        var breaking = report.Differences.Where(d => d.Class == DifferenceClass.Breaking).Select(d => $"{d.Operation} {d.Kind} at {d.Path}: {d.Expected} / {d.Actual}").ToList();
        Assert.True(breaking.Count == 0, string.Join(Environment.NewLine, breaking));
        Assert.Contains(report.Differences, d => d.Kind == "undocumented-member");
        Assert.Equal(3, _server.Received.Count(r => r.Method == "POST" && r.Path.EndsWith("/appointments", StringComparison.Ordinal)));
        // The check's booking (made now, on the server's clock) was cancelled.
        Assert.DoesNotContain(_server.Booked, a => a.CreatedAt == _server.Clock.GetUtcNow());
    }
}
