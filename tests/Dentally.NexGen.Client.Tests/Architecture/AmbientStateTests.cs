using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Architecture;

/// <summary>
/// Per-call state travels with the call (the request, the read's serializer), never in a thread-static
/// field: under load one thread serves many calls, and an await can resume a call on another thread.
/// </summary>
public sealed class AmbientStateTests
{
    [Fact]
    public void No_client_code_keeps_state_in_thread_static_fields()
    {
        var source = Path.Combine(RepoPaths.RepoRoot, "src", "Dentally.NexGen.Client");
        var found = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Where(file => !Path.GetRelativePath(source, file).StartsWith("obj", StringComparison.Ordinal))
            .Where(file => File.ReadAllText(file).Contains("ThreadStatic", StringComparison.Ordinal))
            .Select(file => Path.GetRelativePath(source, file))
            .ToList();

        Assert.True(found.Count == 0, "Thread-static state in: " + string.Join(", ", found));
    }
}
