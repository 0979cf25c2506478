namespace Dentally.NexGen.Tool;

/// <summary>The tool's exit codes, for scripts and CI.</summary>
internal static class ExitCodes
{
    /// <summary>No breaking difference.</summary>
    public const int Matches = 0;

    /// <summary>At least one breaking difference.</summary>
    public const int Breaking = 1;

    /// <summary>The command could not run: bad arguments, an unreachable server, refused credentials, an unreadable file.</summary>
    public const int CouldNotRun = 2;
}
