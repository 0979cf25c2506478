using System.CommandLine;
using System.Net.Sockets;
using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Samples.Sandbox;

/// <summary>
/// NexGenSandbox as a server of its own: it listens on loopback until stopped, so its data outlives any
/// one run of a sample — run BookAppointment twice with one key against it, point curl or a browser at it,
/// or reuse it across test runs.
/// </summary>
public static class SandboxServer
{
    /// <summary>Runs the server until <paramref name="stop"/> is cancelled (Program.cs cancels it on Ctrl+C and SIGTERM).</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the address, credentials and commands to use are printed.</param>
    /// <param name="error">Where failures go.</param>
    /// <param name="stop">Stops the server.</param>
    /// <returns>0 once stopped; 2 for a bad argument; 1 when the port cannot be used.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken stop = default)
    {
        var port = new Option<int>("--port") { Description = "The loopback port to listen on, e.g. 5080 (default: a free one, printed at start)." };
        var tenants = new Option<string[]>("--tenant")
        {
            Description = "Another organisation and practice to serve, as ORG_ID/PRACTICE_ID/TOKEN (repeat it); a new organisation holds the guide's data under ids of its own.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new RootCommand("Serves the NexGen sandbox (a stateful fake of the whole API, seeded with the booking guide's data) on 127.0.0.1 until stopped with Ctrl+C, "
            + "and prints the base address, token, organisation and practice to use.")
        {
            port, tenants,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var extra = (parse.GetValue(tenants) ?? []).Select(SandboxTenant.Parse).ToList();
                await using var sandbox = await StartAsync(parse.GetValue(port), cancellationToken);
                var served = extra.Select(t => sandbox.AddTenant(t.OrganizationId, t.PracticeId, t.Token)).ToList();
                SandboxBanner.Write(sandbox, served, output);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C, SIGTERM or the caller's stop: the normal end.
                }

                output.WriteLine("Sandbox stopped.");
                return 0;
            }
            catch (ArgumentException exception)
            {
                error.WriteLine($"error: {exception.Message.Replace($" (Parameter '{exception.ParamName}')", string.Empty, StringComparison.Ordinal)}");
                return 2;
            }
            catch (PortInUseException exception)
            {
                error.WriteLine($"error: {exception.Message}");
                return 1;
            }
        });

        // The caller's token is the one way to stop: Program.cs turns Ctrl+C and SIGTERM into it.
        return command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, stop);
    }

    private static async Task<NexGenSandbox> StartAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            return await NexGenSandbox.StartAsync(new NexGenSandboxOptions { Port = port }, cancellationToken);
        }
        catch (Exception exception) when (port != 0 && IsAddressInUse(exception))
        {
            throw new PortInUseException(port, exception);
        }
    }

    private static bool IsAddressInUse(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || exception is IOException { Message: var message } && message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private sealed class PortInUseException(int port, Exception inner)
        : Exception($"port {port} is already in use on 127.0.0.1; choose another with --port, or leave --port out for a free one.", inner);
}
