namespace Dentally.NexGen.Client.Testing.Tests.Support;

/// <summary>Clients for a sandbox, with retry delays short enough for tests.</summary>
internal static class Sandboxes
{
    public static NexGenClient Client(NexGenSandbox sandbox, Action<NexGenClientOptions>? configure = null)
        => Client(sandbox.DefaultTenant, configure);

    /// <summary>A client on <paramref name="clock"/>, the sandbox's own: a hold and the client's retry delays and timeouts then run on one clock.</summary>
    public static NexGenClient Client(NexGenSandbox sandbox, TestClock clock, Action<NexGenClientOptions>? configure = null)
        => Client(sandbox.DefaultTenant, options =>
        {
            options.TimeProvider = clock;
            configure?.Invoke(options);
        });

    public static NexGenClient Client(NexGenSandboxTenant tenant, Action<NexGenClientOptions>? configure = null)
    {
        var options = tenant.CreateOptions().OnTestClock();
        options.Retry = new NexGenRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), UseJitter = false };
        configure?.Invoke(options);
        return new NexGenClient(options);
    }
}
