using System.CommandLine;
using Dentally.NexGen.ContractCheck;

namespace Dentally.NexGen.Tool;

/// <summary><c>nexgen check</c>: a live server against the contract this SDK was generated from; a thin shell over <see cref="NexGenContractCheck.RunAsync"/>.</summary>
internal static class CheckCommand
{
    public const string TokenVariable = "DENTALLY_NEXGEN_TOKEN";

    public static Command Create(ToolConsole console)
    {
        var baseUrl = new Option<string>("--base-url") { Description = "The server to check, e.g. https://api.example.com (https; http only on loopback, so the token is never sent in clear).", Required = true };
        var org = new Option<string>("--org") { Description = "The organisation id (the {org_id} of /api/v1 paths).", Required = true };
        var practice = new Option<string>("--practice") { Description = "The practice id, sent as X-Practice-Id.", Required = true };
        var token = new Option<string?>("--token") { Description = $"The bearer token (default: the {TokenVariable} environment variable). Never printed." };
        var allowWrites = new Option<bool>("--allow-writes")
        {
            Description = "Also check one booking lifecycle, ONLY against a practice kept for testing: books a free slot about 60 days ahead for a patient the search finds (never creates a patient), replays it under the same Idempotency-Key, provokes a 409 slot-conflict under another key, confirms and cancels it, so nothing stays booked. Without it only GET requests are sent.",
        };
        var output = new ReportOutput();

        var command = new Command("check", "Checks a live server against the contract this SDK was generated from (carried inside, nothing is downloaded): every GET operation, the semantics the SDK relies on, and each answer against its documented statuses, media type and schema. Exit code 0: no breaking difference; 1: at least one; 2: the check could not run.")
        {
            baseUrl, org, practice, token, allowWrites,
        };
        output.AddTo(command);

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Uri.TryCreate(parse.GetValue(baseUrl), UriKind.Absolute, out var address))
            {
                return Fail(console, "--base-url must be an absolute URL such as https://api.example.com.");
            }

            var options = new ContractCheckOptions
            {
                BaseAddress = address,
                OrganizationId = parse.GetValue(org),
                PracticeId = parse.GetValue(practice),
                Token = parse.GetValue(token) ?? console.Environment(TokenVariable),
                AllowWrites = parse.GetValue(allowWrites),
                HttpMessageHandler = console.HttpMessageHandler,
                TimeProvider = console.TimeProvider,
                Progress = new LineProgress(console.Error),
            };
            if (string.IsNullOrWhiteSpace(options.Token))
            {
                return Fail(console, $"no token: pass --token or set {TokenVariable}.");
            }

            try
            {
                var report = await NexGenContractCheck.RunAsync(options, cancellationToken);
                await output.WriteAsync(parse, console, report.WriteText, report.WriteJson);
                return report.HasBreakingDifferences ? ExitCodes.Breaking : ExitCodes.Matches;
            }
            catch (NexGenContractCheckException exception)
            {
                return Fail(console, exception.Message);
            }
            catch (IOException exception)
            {
                return Fail(console, $"could not write the report ({exception.Message}); check --out.");
            }
            catch (UnauthorizedAccessException exception)
            {
                return Fail(console, $"could not write the report ({exception.Message}); check --out.");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl+C or a CI job's SIGTERM: the check did not finish, which is not the 1 of a breaking difference.
                return Fail(console, "the check was stopped before it finished, and nothing it booked stays booked; run it again.");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // A fault in the check itself could not run it: exit 2, not the 1 of a breaking difference. Its message
                // is not quoted, as it may hold a value from an answer.
                return Fail(console, $"the check failed unexpectedly ({exception.GetType().FullName}); please report it with the progress lines above.");
            }
        });
        return command;
    }

    /// <summary>One line saying why the command could not run and what to do; exit code 2.</summary>
    public static int Fail(ToolConsole console, string message)
    {
        console.Error.WriteLine($"nexgen: {string.Join(' ', message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}");
        return ExitCodes.CouldNotRun;
    }
}
