using System.Net.Http;
using Dentally.NexGen.Client.Testing.Tests.Support;

namespace Dentally.NexGen.Client.Testing.Tests;

/// <summary>Starting, addressing and stopping a sandbox.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task Start_listens_on_a_free_loopback_port_and_CreateOptions_gives_a_working_client()
    {
        await using var sandbox = NexGenSandbox.Start();

        Assert.True(sandbox.BaseAddress.IsLoopback);
        Assert.NotEqual(0, sandbox.BaseAddress.Port);
        var options = sandbox.CreateOptions().OnTestClock();
        Assert.Equal(sandbox.BaseAddress, options.BaseAddress);
        Assert.Equal(SandboxSeed.OrganizationId, options.OrganizationId);
        Assert.Equal(SandboxSeed.PracticeId, options.PracticeId);
        Assert.Equal(sandbox.Token, options.Token);
        var client = new NexGenClient(options);
        Assert.Equal(2, (await client.Sites.ListAsync()).Total);
    }

    [Fact]
    public async Task A_sandbox_given_a_port_listens_there_on_127_0_0_1()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { Port = port });

        Assert.Equal(new Uri($"http://127.0.0.1:{port}/"), sandbox.BaseAddress);
        Assert.Equal(2, (await new NexGenClient(sandbox.CreateOptions().OnTestClock()).Sites.ListAsync()).Total);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public void A_port_outside_0_to_65535_is_refused_before_starting(int port)
    {
        var error = Assert.Throws<ArgumentException>(() => NexGenSandbox.Start(new NexGenSandboxOptions { Port = port }));

        Assert.Equal("Port", error.ParamName);
        Assert.StartsWith($"NexGenSandboxOptions.Port must be between 0 (a free port) and 65535, not {port}.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_starts_a_sandbox_and_two_sandboxes_are_independent()
    {
        await using var first = await NexGenSandbox.StartAsync();
        await using var second = await NexGenSandbox.StartAsync();
        var firstClient = Sandboxes.Client(first);
        var secondClient = Sandboxes.Client(second);

        await firstClient.Appointments.CreateAsync(Bodies.Appointment());

        Assert.NotEqual(first.BaseAddress, second.BaseAddress);
        Assert.Single(first.GetAppointments());
        Assert.Empty(second.GetAppointments());
    }

    [Fact]
    public async Task Custom_organisation_practice_and_token_are_the_ones_served()
    {
        await using var sandbox = NexGenSandbox.Start(new NexGenSandboxOptions { OrganizationId = "org_test", PracticeId = "practice_7", Token = "tok_custom" });
        var client = Sandboxes.Client(sandbox);

        var types = await client.AppointmentTypes.ListAsync();

        Assert.Equal(3, types.Total);
        Assert.Equal(("org_test", "practice_7", "tok_custom"), (sandbox.OrganizationId, sandbox.PracticeId, sandbox.Token));
        Assert.Equal("/api/v1/org_test/appointment-types", sandbox.ReceivedRequests.Single().Path);
    }

    [Fact]
    public async Task Without_guide_data_the_sandbox_starts_empty()
    {
        await using var sandbox = NexGenSandbox.Start(new NexGenSandboxOptions { SeedGuideData = false });
        var client = Sandboxes.Client(sandbox);

        Assert.Equal(0, (await client.Sites.ListAsync()).Total);
        Assert.Equal(0, (await client.Patients.SearchAsync(null)).Total);
        Assert.Equal(0, (await client.Providers.ListAsync()).Total);
    }

    [Theory]
    [InlineData("", "p", "t")]
    [InlineData("o", " p", "t")]
    [InlineData("o", "p", "a b")]
    public void Invalid_options_are_rejected_before_starting(string org, string practice, string token)
        => Assert.Throws<ArgumentException>(() => NexGenSandbox.Start(new NexGenSandboxOptions { OrganizationId = org, PracticeId = practice, Token = token }));

    [Fact]
    public async Task Dispose_stops_the_server()
    {
        var sandbox = NexGenSandbox.Start();
        using var http = sandbox.CreateHttpClient();
        Assert.True((await http.GetAsync(new Uri("/v2/sites", UriKind.Relative))).IsSuccessStatusCode);

        await sandbox.DisposeAsync();
        sandbox.Dispose();

        // Whether the socket is already closed or a kept-alive connection is dropped, the client sees an I/O error.
        await Assert.ThrowsAsync<HttpRequestException>(() => http.GetAsync(new Uri("/v2/sites", UriKind.Relative)));
    }

    [Fact]
    public async Task Dispose_ends_a_held_request_at_once()
    {
        // On a clock nobody moves, the hold would never end by itself: only Dispose can end it.
        var clock = new TestClock();
        var sandbox = NexGenSandbox.Start(new NexGenSandboxOptions { TimeProvider = clock });
        var hold = TimeSpan.FromSeconds(30);
        sandbox.InjectFault("GET", "/v2/sites", SandboxFault.Delay(hold));
        using var http = sandbox.CreateHttpClient();
        var held = http.GetAsync(new Uri("/v2/sites", UriKind.Relative));
        await clock.WhenArmedAsync(hold);

        sandbox.Dispose();

        await Assert.ThrowsAsync<HttpRequestException>(() => held.WaitAsync(Waiting.Patience));
    }
}
