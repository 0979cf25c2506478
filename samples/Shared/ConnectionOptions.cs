using System.CommandLine;
using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Samples;

/// <summary>
/// The options every sample shares: with no --base-url a sample starts the embedded sandbox; with one
/// it talks to any server that honours the contract, authenticated by --token or DENTALLY_NEXGEN_TOKEN.
/// </summary>
internal sealed class ConnectionOptions
{
    public const string TokenVariable = "DENTALLY_NEXGEN_TOKEN";

    public Option<string?> BaseUrl { get; } = new("--base-url") { Description = "The API's root, e.g. https://api.example.com (https, or http on loopback; without /api/v1). Without it the sample runs against an embedded sandbox." };

    public Option<string?> Token { get; } = new("--token") { Description = $"Bearer token for --base-url (default: the {TokenVariable} environment variable). Never printed." };

    public Option<string?> Organization { get; } = new("--org") { Description = "Organisation id for --base-url (the {org_id} of /api/v1 paths)." };

    public Option<string?> Practice { get; } = new("--practice") { Description = "Practice id sent as X-Practice-Id with --base-url." };

    public Option<bool> Verbose { get; } = new("--verbose") { Description = "Print stack traces and HTTP details on failure." };

    public void AddTo(Command command)
    {
        command.Options.Add(BaseUrl);
        command.Options.Add(Token);
        command.Options.Add(Organization);
        command.Options.Add(Practice);
        command.Options.Add(Verbose);
    }

    /// <summary>Options for the real server, or null when the sandbox is meant.</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="scopedPerCall">Whether the sample scopes each call to a practice itself, so --org and --practice are not needed.</param>
    public NexGenClientOptions? ForServer(ParseResult parse, bool scopedPerCall = false)
    {
        var text = parse.GetValue(BaseUrl);
        if (text is null)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var baseUrl))
        {
            throw new ArgumentException($"--base-url must be an absolute URL such as https://api.example.com, not '{text}'.", nameof(parse));
        }

        var token = parse.GetValue(Token) ?? Environment.GetEnvironmentVariable(TokenVariable);
        RequireCredentials(parse, token, scopedPerCall);
        return new NexGenClientOptions
        {
            BaseAddress = baseUrl,
            Token = string.IsNullOrWhiteSpace(token) ? null : token,
            OrganizationId = parse.GetValue(Organization),
            PracticeId = parse.GetValue(Practice),
            UserAgentSuffix = "nexgen-samples/1.0",
        };
    }

    // Named by this command's own flags: the options' validation would name NexGenClientOptions.Token,
    // which a reader of this command's help has never met.
    private void RequireCredentials(ParseResult parse, string? token, bool scopedPerCall)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(token))
        {
            missing.Add($"--token (or the {TokenVariable} environment variable)");
        }

        if (!scopedPerCall && string.IsNullOrWhiteSpace(parse.GetValue(Organization)))
        {
            missing.Add("--org");
        }

        if (!scopedPerCall && string.IsNullOrWhiteSpace(parse.GetValue(Practice)))
        {
            missing.Add("--practice");
        }

        if (missing.Count > 0)
        {
            throw new ArgumentException($"--base-url also needs {string.Join(", ", missing)}.", nameof(parse));
        }
    }

    /// <summary>Options pointing at a running sandbox.</summary>
    public static NexGenClientOptions ForSandbox(NexGenSandbox sandbox)
    {
        var options = sandbox.CreateOptions();
        options.UserAgentSuffix = "nexgen-samples/1.0";
        return options;
    }
}
