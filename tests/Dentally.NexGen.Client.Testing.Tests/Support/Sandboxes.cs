namespace Dentally.NexGen.Client.Testing.Tests.Support;

/// <summary>Clients for a sandbox, with retry delays short enough for tests.</summary>
internal static class Sandboxes
{
    public static NexGenClient Client(NexGenSandbox sandbox, Action<NexGenClientOptions>? configure = null)
        => Client(sandbox.DefaultTenant, configure);

    public static NexGenClient Client(NexGenSandboxTenant tenant, Action<NexGenClientOptions>? configure = null)
    {
        var options = tenant.CreateOptions();
        options.Retry = new NexGenRetryOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50), UseJitter = false };
        configure?.Invoke(options);
        return new NexGenClient(options);
    }
}
