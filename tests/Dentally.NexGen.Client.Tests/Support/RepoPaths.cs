namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string SpecFile => Path.Combine(Root.Value, "spec", "openapi.yaml");

    public static string RepoRoot => Root.Value;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "spec", "openapi.yaml")) &&
                File.Exists(Path.Combine(dir.FullName, "Dentally.NexGen.Client.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Could not find the repository root (spec/openapi.yaml) above " + AppContext.BaseDirectory);
    }
}
