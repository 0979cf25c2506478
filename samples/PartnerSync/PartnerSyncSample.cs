using System.CommandLine;
using System.Globalization;
using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Samples.PartnerSync;

/// <summary>
/// A partner serving several dental organisations: one <see cref="NexGenClient"/> (one pipeline, one
/// connection pool, one token provider) books Jane Smith's New Patient Exam at a practice of each, all
/// at once, each call scoped with <see cref="BookingWorkflow.ForPractice"/>. With no arguments it runs
/// against the embedded sandbox holding two organisations, each with its own token and data.
/// </summary>
public static class PartnerSyncSample
{
    /// <summary>The second organisation the sandbox run adds beside the guide's.</summary>
    public const string SecondOrganization = "org_91b0d4c3";

    /// <summary>Its practice.</summary>
    public const string SecondPractice = "practice_7";

    /// <summary>Runs the sample with the given arguments and writers; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the bookings are reported.</param>
    /// <param name="error">Where failures go.</param>
    /// <returns>0 when every practice's booking was made.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var connection = new ConnectionOptions();
        var targets = new Option<string[]>("--practice-target")
        {
            Description = "With --base-url: a practice to book for, as ORG_ID/PRACTICE_ID/LOCATION_UUID (repeat it). The token (--token) is the partner's, sent for every practice.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new RootCommand("Books one appointment at each of several practices of several organisations through one NexGen client, as a partner integration does.")
        {
            targets,
        };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var server = connection.ForServer(parse, scopedPerCall: true);
                if (server is not null)
                {
                    var practices = (parse.GetValue(targets) ?? []).Select(PracticeTarget.Parse).ToArray();
                    if (practices.Length == 0)
                    {
                        throw new ArgumentException("With --base-url, give each practice to book for as --practice-target ORG_ID/PRACTICE_ID/LOCATION_UUID.", nameof(args));
                    }

                    // The partner's credentials name no practice: each call is scoped to one.
                    server.OrganizationId = null;
                    server.PracticeId = null;
                    output.WriteLine($"NexGen partner sample — {server.BaseAddress}, {practices.Length} practice(s)");
                    return await BookEverywhereAsync(new NexGenClient(server), practices, output, cancellationToken);
                }

                await using var sandbox = await NexGenSandbox.StartAsync(cancellationToken: cancellationToken);
                var second = sandbox.AddTenant(SecondOrganization, SecondPractice, "tok_sandbox_partner_91b0");
                output.WriteLine($"NexGen partner sample — embedded sandbox at {sandbox.BaseAddress}, two organisations, each with its own token and data");
                var options = new NexGenClientOptions
                {
                    BaseAddress = sandbox.BaseAddress,
                    // One provider answers for every tenant: the sandbox's token for each organisation and practice.
                    TokenProvider = sandbox.TokenProvider,
                    UserAgentSuffix = "nexgen-samples/1.0",
                };
                return await BookEverywhereAsync(
                    new NexGenClient(options),
                    [
                        new PracticeTarget(sandbox.DefaultTenant.OrganizationId, sandbox.DefaultTenant.PracticeId, sandbox.DefaultTenant.Seed.MainStreetDental),
                        new PracticeTarget(second.OrganizationId, second.PracticeId, second.Seed.MainStreetDental),
                    ],
                    output,
                    cancellationToken);
            }
            catch (Exception exception)
            {
                return FailureReport.Write(exception, error, parse.GetValue(connection.Verbose));
            }
        });

        return command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    private static async Task<int> BookEverywhereAsync(NexGenClient client, PracticeTarget[] practices, TextWriter output, CancellationToken cancellationToken)
    {
        // One workflow, one type cache: each organisation's appointment types are fetched once.
        var bookings = new BookingWorkflow(client);
        var results = await Task.WhenAll(practices.Select(practice => bookings
            .ForPractice(practice.OrganizationId, practice.PracticeId)
            .BookAsync(
                new BookingRequest
                {
                    PatientQuery = "Jane Smith",
                    AppointmentTypeCode = "NPE",
                    LocationUuid = practice.LocationUuid,
                    Start = new DateTime(2025, 5, 20, 10, 0, 0),
                    Notes = "Booked by the partner sample",
                },
                cancellationToken)));

        for (var i = 0; i < practices.Length; i++)
        {
            var appointment = results[i].Appointment;
            output.WriteLine($"  {practices[i].OrganizationId} / {practices[i].PracticeId}: appointment {appointment.Uuid} at {appointment.ScheduledStart.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)} ({results[i].HttpRequestCount} HTTP requests)");
        }

        output.WriteLine($"Booked at {practices.Length} practices through one client: one pipeline, one connection pool, a token per practice.");
        return 0;
    }
}
