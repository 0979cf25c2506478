using System.CommandLine;
using Dentally.NexGen.ContractCheck;

namespace Dentally.NexGen.Tool;

/// <summary><c>nexgen diff NEWER_SPEC</c>: what a newer contract changes for this SDK; a thin shell over <see cref="NexGenContractDiff.CompareAsync"/>.</summary>
internal static class DiffCommand
{
    private const long MaxSpecSize = 16 * 1024 * 1024;

    public static Command Create(ToolConsole console)
    {
        var spec = new Argument<string>("NEWER_SPEC") { Description = "The newer OpenAPI document (YAML or JSON): a file, or an http(s) URL to download it from." };
        var output = new ReportOutput();
        var command = new Command("diff", "Compares a newer contract (e.g. the portal's published specification) with the one this SDK was generated from: operations, parameters, request and response members, enums, statuses and problem types added, removed or changed, each classed breaking or additive and naming the SDK members it touches. Exit code 0: nothing breaking; 1: at least one breaking change; 2: the document could not be read.")
        {
            spec,
        };
        output.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            var source = parse.GetValue(spec)!;
            try
            {
                var text = await ReadAsync(source, console, cancellationToken);
                var report = await NexGenContractDiff.CompareAsync(text, cancellationToken);
                await console.Error.WriteLineAsync($"Compared this SDK's contract {report.ContractVersion} with {source}.");
                await output.WriteAsync(parse, console, report.WriteText, report.WriteJson);
                return report.HasBreakingDifferences ? ExitCodes.Breaking : ExitCodes.Matches;
            }
            catch (NexGenContractCheckException exception)
            {
                return CheckCommand.Fail(console, exception.Message);
            }
            catch (HttpRequestException exception)
            {
                return CheckCommand.Fail(console, $"could not download {source} ({exception.Message}); check the URL or save the file and pass its path.");
            }
            catch (FileNotFoundException)
            {
                return CheckCommand.Fail(console, $"{source} does not exist; pass the path (or an http(s) URL) of the newer OpenAPI document.");
            }
            catch (IOException exception)
            {
                return CheckCommand.Fail(console, $"could not read or write a file ({exception.Message}); check NEWER_SPEC and --out.");
            }
        });
        return command;
    }

    private static async Task<string> ReadAsync(string source, ToolConsole console, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(source, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp))
        {
            using var http = console.HttpMessageHandler is null ? new HttpClient() : new HttpClient(console.HttpMessageHandler, disposeHandler: false);
            // A contract is a few hundred KB: a URL that streams without end fails at the check's own limit, not at 2 GB.
            http.MaxResponseContentBufferSize = MaxSpecSize;
            return await http.GetStringAsync(url, cancellationToken);
        }

        return await File.ReadAllTextAsync(source, cancellationToken);
    }
}
