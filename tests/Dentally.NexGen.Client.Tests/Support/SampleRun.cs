#if NEXGEN_SAMPLES
using Dentally.NexGen.Samples.BookAppointment;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>The booking sample run in-process as `dotnet run` would run it, its output and errors captured.</summary>
internal static class SampleRun
{
    public static async Task<(int ExitCode, string Output, string Error)> BookingAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await BookingSample.RunAsync(args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }
}
#endif
