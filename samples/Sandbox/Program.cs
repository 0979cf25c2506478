using System.Runtime.InteropServices;
using Dentally.NexGen.Samples.Sandbox;

// Ctrl+C (SIGINT) and SIGTERM (docker stop, systemd, kill) stop the server cleanly instead of killing it.
using var stop = new CancellationTokenSource();
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await SandboxServer.RunAsync(args, Console.Out, Console.Error, stop.Token);

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}
