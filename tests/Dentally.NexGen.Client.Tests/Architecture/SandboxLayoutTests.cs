using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Architecture;

/// <summary>
/// The sandbox is an API with a thin house around it: its hosting (the web server, one middleware per
/// rule, one endpoint per operation) stays at most 500 lines of standard ASP.NET Core, and the domain
/// it hosts (handlers, state, scheduling, idempotency) is the biggest part of the package.
/// </summary>
public sealed class SandboxLayoutTests
{
    private const int HostingBudget = 500;
    private static readonly string[] Hosting = ["Hosting", "Middleware", "Endpoints"];
    private static readonly string[] Domain = ["Handlers", "State", "Scheduling", "Idempotency"];

    [Fact]
    public void Hosting_is_at_most_500_lines_and_the_domain_is_the_biggest_part()
    {
        var source = Path.Combine(RepoPaths.RepoRoot, "src", "Dentally.NexGen.Client.Testing");
        var byFolder = Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            .Select(file => (Folder: Path.GetRelativePath(source, file).Split(Path.DirectorySeparatorChar) is [var folder, _, ..] ? folder : ".", Lines: File.ReadAllLines(file).Length))
            .Where(file => file.Folder is not ("bin" or "obj"))
            .GroupBy(file => file.Folder)
            .ToDictionary(group => group.Key, group => group.Sum(file => file.Lines));
        var hosting = Hosting.Sum(folder => byFolder.GetValueOrDefault(folder));
        var domain = Domain.Sum(folder => byFolder.GetValueOrDefault(folder));
        var report = string.Join("\n", byFolder.OrderByDescending(f => f.Value).Select(f => $"{f.Value,5} {f.Key}"));

        Assert.True(hosting > 0 && hosting <= HostingBudget, $"hosting {hosting} lines (budget {HostingBudget}):\n{report}");
        Assert.True(domain > hosting && byFolder.Where(f => !Domain.Contains(f.Key)).All(f => f.Value < domain), $"domain {domain} lines:\n{report}");
    }
}
