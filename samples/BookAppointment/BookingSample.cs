using System.CommandLine;
using System.Globalization;
using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Samples.BookAppointment;

/// <summary>
/// The booking guide as a console app. With no arguments it starts the embedded sandbox, takes the
/// first choice of slot away on purpose, and books Jane Smith's New Patient Exam through the SDK.
/// </summary>
public static class BookingSample
{
    /// <summary>The guide's requested start, used when --start is not given.</summary>
    public const string DefaultStart = "2025-05-20T10:00:00";

    /// <summary>The command that serves the sandbox as a server of its own, whose data outlives one run of this sample.</summary>
    public const string SandboxCommand = "dotnet run --project samples/Sandbox -- --port 5080";

    // How --start is written: the API's own practice-local form, which the SDK keeps internal.
    private const string StartFormat = "yyyy-MM-dd'T'HH:mm:ss";

    /// <summary>Runs the sample with the given arguments and writers; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the walk-through goes.</param>
    /// <param name="error">Where failures go.</param>
    /// <returns>0 on success.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var connection = new ConnectionOptions();
        var patient = new Option<string>("--patient") { Description = "Patient uuid, or a name to search for.", DefaultValueFactory = _ => "Jane Smith" };
        var type = new Option<string>("--type") { Description = "Appointment type code.", DefaultValueFactory = _ => "NPE" };
        var location = new Option<Guid>("--location") { Description = "Site uuid.", DefaultValueFactory = _ => SandboxSeed.MainStreetDental };
        var provider = new Option<Guid?>("--provider") { Description = "Provider uuid (default: the patient's preferred provider)." };
        var start = new Option<string>("--start") { Description = "Practice-local start, e.g. 2025-05-20T10:00:00 (no offset).", DefaultValueFactory = _ => DefaultStart };
        var notes = new Option<string?>("--notes") { Description = "Notes for the appointment.", DefaultValueFactory = _ => "New patient — first visit" };
        var key = new Option<string?>("--idempotency-key")
        {
            Description = "Your reference for this booking (1 to 200 visible ASCII characters). Running the sample again with the same key never books twice: "
                + "the second run says the booking already exists. That shows only against a server that keeps its data (--base-url): the embedded sandbox starts "
                + $"empty on every run. Start one that keeps it with: {SandboxCommand}",
        };

        var command = new RootCommand("Books a dental appointment through the Dentally NexGen SDK, following the booking guide: find the patient, "
            + "look up the appointment types, POST the appointment (rebooking on 409 Conflict), and print the confirmation.")
        {
            patient, type, location, provider, start, notes, key,
        };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var verbose = parse.GetValue(connection.Verbose);
            try
            {
                var settings = new BookingSettings(
                    parse.GetValue(patient)!, parse.GetValue(type)!, parse.GetValue(location), parse.GetValue(provider),
                    ParseStart(parse.GetValue(start)!), parse.GetValue(notes), parse.GetValue(key));
                var server = connection.ForServer(parse);
                if (server is not null)
                {
                    output.WriteLine($"NexGen booking sample — {server.BaseAddress} (organisation {server.OrganizationId}, practice {server.PracticeId})");
                    await WalkthroughFor(server, output).RunAsync(settings, cancellationToken);
                    return 0;
                }

                await using var sandbox = await NexGenSandbox.StartAsync(cancellationToken: cancellationToken);
                output.WriteLine($"NexGen booking sample — embedded sandbox at {sandbox.BaseAddress} (organisation {sandbox.OrganizationId}, practice {sandbox.PracticeId})");
                sandbox.PreBook(SandboxSeed.MichaelChen, settings.Start, patientUuid: SandboxSeed.JonathanSmith);
                output.WriteLine($"  The sandbox already has Michael Chen booked at {settings.Start.ToString(StartFormat, CultureInfo.InvariantCulture)}, so the first choice will conflict.");
                await WalkthroughFor(ConnectionOptions.ForSandbox(sandbox), output).RunAsync(settings, cancellationToken);
                if (settings.IdempotencyKey is not null)
                {
                    // A rerun here starts a new, empty sandbox: the key cannot show what it is for.
                    output.WriteLine();
                    output.WriteLine("note: the embedded sandbox starts empty on every run, so running this again books again here. The idempotency key proves itself only "
                        + $"against a server that keeps its data: start one with `{SandboxCommand}` and run the booking command it prints, twice.");
                }

                return 0;
            }
            catch (OperationCanceledException) when (parse.GetValue(key) is { } given)
            {
                // A booking cancelled with its own key may have been made: running it again with the key is safe.
                error.WriteLine($"error: cancelled. The appointment may exist; run the same command again with --idempotency-key {given} to finish it safely.");
                return 130;
            }
            catch (Exception exception)
            {
                return FailureReport.Write(exception, error, verbose);
            }
        });

        return command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static BookingWalkthrough WalkthroughFor(NexGenClientOptions options, TextWriter output)
    {
        var replays = new ReplayWatch();
        return new BookingWalkthrough(new NexGenClient(options, replays), replays, output);
    }

    private static DateTime ParseStart(string value)
        => DateTime.TryParseExact(value, StartFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? start
            : throw new ArgumentException($"--start must be a practice-local time such as {DefaultStart} (no offset), not '{value}'.", nameof(value));
}
