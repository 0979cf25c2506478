using System.CommandLine;
using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Samples.ListSites;

/// <summary>Lists every site as a table: address, contact details and opening hours.</summary>
public static class SitesSample
{
    /// <summary>Runs the sample with the given arguments and writers; returns the exit code.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="output">Where the table goes.</param>
    /// <param name="error">Where failures go.</param>
    /// <returns>0 on success.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var connection = new ConnectionOptions();
        var activeOnly = new Option<bool>("--active-only") { Description = "Only active sites." };
        var command = new RootCommand("Lists the practice's sites with their addresses, contact details and opening hours.") { activeOnly };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var server = connection.ForServer(parse);
                await using var sandbox = server is null ? await NexGenSandbox.StartAsync(cancellationToken: cancellationToken) : null;
                var client = new NexGenClient(server ?? ConnectionOptions.ForSandbox(sandbox!));
                var sites = await client.Sites.ListAllAsync(parse.GetValue(activeOnly) ? true : null, cancellationToken: cancellationToken).ToListAsync(cancellationToken);
                SiteTable.Write(sites, output);
                return 0;
            }
            catch (Exception exception)
            {
                return FailureReport.Write(exception, error, parse.GetValue(connection.Verbose));
            }
        });

        return command.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}
