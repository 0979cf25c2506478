using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Reliability;

/// <summary>
/// Every fault of the matrix on a GET, a keyed POST and an unkeyed POST, against the sandbox. The SDK and
/// the sandbox share one fake clock: retry delays pass as soon as they start, and an attempt times out
/// only when a cell moves time past it, so no cell's outcome depends on how fast the machine is.
/// </summary>
public sealed class FaultMatrixTests : IAsyncLifetime
{
    private const string AppointmentsPath = "/api/v1/{org_id}/appointments";
    private readonly TestClock _clock = new() { AutoAdvanceUpTo = FaultMatrix.MaxRetryDelay };
    private NexGenSandbox _sandbox = null!;

    public static TheoryData<string, string> Cells()
    {
        var data = new TheoryData<string, string>();
        foreach (var fault in FaultMatrix.Faults)
        {
            foreach (var target in FaultMatrix.Targets)
            {
                data.Add(fault.Name, target);
            }
        }

        return data;
    }

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { TimeProvider = _clock });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Cell(string faultName, string target)
    {
        var fault = FaultMatrix.Faults.Single(f => f.Name == faultName);
        var options = _sandbox.CreateOptions();
        options.AttemptTimeout = FaultMatrix.AttemptTimeout;
        options.OverallTimeout = FaultMatrix.OverallTimeout;
        options.Retry = new NexGenRetryOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(10), MaxDelay = FaultMatrix.MaxRetryDelay };
        options.AutomaticIdempotencyKeys = target != FaultMatrix.UnkeyedPost;
        options.TimeProvider = _clock;
        var client = new NexGenClient(options);
        var started = _clock.GetUtcNow();

        if (target == FaultMatrix.Get)
        {
            var injected = _sandbox.InjectFault("GET", "/api/v1/{org_id}/appointment-types", fault.OnGet);
            var types = await WhileHeldAsync(fault.OnGet, client.AppointmentTypes.ListAsync());
            Assert.Equal(3, types.Items.Count);
            Assert.Equal(1, injected.Applied);
            Assert.Equal(2, _sandbox.ReceivedRequests.Count(r => r.Method == "GET"));
        }
        else
        {
            var injected = _sandbox.InjectFault("POST", AppointmentsPath, fault.OnPost);
            var appointment = Bodies.GuideAppointment();
            if (target == FaultMatrix.KeyedPost)
            {
                var booked = await WhileHeldAsync(fault.OnPost, client.Appointments.CreateAsync(appointment));
                Assert.Equal(1, injected.Applied);
                var stored = Assert.Single(_sandbox.GetAppointments());
                Assert.Equal(stored.Uuid, booked.Uuid);
                var keys = Posts().Select(r => r.Header("Idempotency-Key")).ToList();
                Assert.True(keys.Count >= 2, $"{keys.Count} POST(s)");
                Assert.All(keys, key => Assert.Equal(keys[0], key));
            }
            else
            {
                var error = await Assert.ThrowsAnyAsync<NexGenApiException>(() => WhileHeldAsync(fault.OnPost, client.Appointments.CreateAsync(appointment)));
                Assert.IsType(fault.UnkeyedError, error);
                var post = Assert.Single(Posts());
                Assert.Null(post.Header("Idempotency-Key"));
            }
        }

        var took = _clock.GetUtcNow() - started;
        Assert.True(took < FaultMatrix.OverallTimeout, $"took {took}, more than the overall timeout");
    }

    /// <summary>
    /// The call, with time moved past the attempt timeout once the sandbox holds the request (a delay
    /// fault) and the SDK's attempt timer is armed: the moment a real timer would have fired.
    /// </summary>
    private async Task<T> WhileHeldAsync<T>(SandboxFault fault, Task<T> call)
    {
        if (fault.Kind == SandboxFaultKind.Delay)
        {
            await Waiting.UntilAsync(() => _clock.IsArmed(FaultMatrix.Hold) && _clock.IsArmed(FaultMatrix.AttemptTimeout), "the sandbox to hold the request under the attempt timeout");
            _clock.Advance(FaultMatrix.AttemptTimeout);
        }

        return await call.WaitAsync(Waiting.Patience);
    }

    [Fact]
    public void The_reliability_doc_lists_every_cell()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.RepoRoot, "docs", "reliability.md")).ReplaceLineEndings("\n");
        var table = FaultMatrix.RenderTable();
        Assert.True(doc.Contains(table, StringComparison.Ordinal), "docs/reliability.md is out of date; its matrix must read:\n" + table);
    }

    private List<ReceivedRequest> Posts() => _sandbox.ReceivedRequests.Where(r => r.Method == "POST").ToList();
}
