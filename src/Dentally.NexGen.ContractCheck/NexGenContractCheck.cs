using Dentally.NexGen.Client;
using Dentally.NexGen.ContractCheck.Contract;
using Dentally.NexGen.ContractCheck.Probing;
using Dentally.NexGen.ContractCheck.Validation;

namespace Dentally.NexGen.ContractCheck;

/// <summary>
/// Checks a live server against the contract this SDK was generated from (carried inside: nothing is
/// downloaded), for a go-live check or an integrator's own test suite.
/// </summary>
/// <example>
/// <code>
/// var report = await NexGenContractCheck.RunAsync(new ContractCheckOptions
/// {
///     BaseAddress = new Uri("https://api.example.com"),
///     OrganizationId = "org_7f3c2a9e",
///     PracticeId = "practice_42",
///     Token = Environment.GetEnvironmentVariable("DENTALLY_NEXGEN_TOKEN"),
/// });
/// Assert.False(report.HasBreakingDifferences);
/// </code>
/// </example>
public static class NexGenContractCheck
{
    /// <summary>The version of the contract the check carries (its <c>info.version</c>, e.g. <c>2026-01-01</c>).</summary>
    /// <param name="cancellationToken">Stops waiting for the contract to be read (the first call reads it; the rest share that read).</param>
    /// <returns>The contract's version.</returns>
    public static async Task<string> GetContractVersionAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return (await EmbeddedContract.LoadAsync().WaitAsync(cancellationToken).ConfigureAwait(false)).Version;
    }

    /// <summary>
    /// Runs the check: every GET operation of the contract with ids discovered from list answers, the
    /// semantics the SDK relies on (401 with <c>WWW-Authenticate</c>, 403 for another practice, 404,
    /// <c>X-Request-Id</c>, problem types), and with <see cref="ContractCheckOptions.AllowWrites"/> one
    /// booking lifecycle. Each answer is validated against its operation's documented statuses, media
    /// type and schema. Without <see cref="ContractCheckOptions.AllowWrites"/> only GET requests are sent.
    /// </summary>
    /// <param name="options">Where and as whom to check.</param>
    /// <param name="cancellationToken">Stops the check.</param>
    /// <returns>Every difference found, once each.</returns>
    /// <exception cref="NexGenContractCheckException">The check could not run: incomplete options (before any request), an unreachable server, or refused credentials.</exception>
    public static async Task<ContractReport> RunAsync(ContractCheckOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        RequireComplete(options);

        var contract = await EmbeddedContract.LoadAsync().ConfigureAwait(false);
        options.Progress?.Report($"Checking {options.BaseAddress} against the NexGen contract {contract.Version} ({(options.AllowWrites ? "with writes" : "read-only: GET requests only")}).");
        using var client = new ProbeClient(options);
        var session = new CheckSession(contract, client, options);

        await ReadOnlyProbes.RunAsync(session, cancellationToken).ConfigureAwait(false);
        await SemanticProbes.RunAsync(session, cancellationToken).ConfigureAwait(false);
        if (options.AllowWrites)
        {
            await BookingLifecycleProbe.RunAsync(session, cancellationToken).ConfigureAwait(false);
        }

        foreach (var operation in contract.Operations.Where(o => o.IsRead && !session.Sent.Contains(o.Id)))
        {
            session.Report(operation.Id, "$", DifferenceClass.Info, DifferenceKinds.NotChecked, "a GET request", "none sent: no id to send it with");
        }

        return new ContractReport(contract.Version, [.. session.Log.All]);
    }

    private static void RequireComplete(ContractCheckOptions options)
    {
        var missing = new List<string>();
        if (options.BaseAddress is not { IsAbsoluteUri: true } address || (address.Scheme != Uri.UriSchemeHttps && address.Scheme != Uri.UriSchemeHttp))
        {
            missing.Add("an absolute http(s) base address");
        }
        else if (address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback)
        {
            // The token would cross the network in clear.
            missing.Add("an https base address (http only on loopback)");
        }
        else if (address.UserInfo.Length > 0 || address.Query.Length > 0 || address.Fragment.Length > 0)
        {
            // Not quoted: user info is a password, a query may hold a key; and every message that names the server quotes its address.
            missing.Add("a base address without user info (user:password@), query or fragment (the check authenticates with the token alone)");
        }
        else if (ContractPathInBaseAddress.SuggestInstead(address) is { } root)
        {
            // Every probe adds /api/v1/{org_id}/… itself: this address would double it and the server's
            // answer (a 403 for organisation "v1", or a 404) would blame the token or the practice.
            missing.Add($"the API's root as base address, without the contract's paths: '{root}' instead of '{ContractPathInBaseAddress.Shown(address)}'");
        }

        if (string.IsNullOrWhiteSpace(options.OrganizationId))
        {
            missing.Add("an organisation id");
        }

        if (string.IsNullOrWhiteSpace(options.PracticeId))
        {
            missing.Add("a practice id");
        }

        if (string.IsNullOrWhiteSpace(options.Token))
        {
            missing.Add("a token");
        }
        else if (options.Token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            // Pasted from a curl line's Authorization header: sent as it is, the 401 would blame the token.
            missing.Add("the token alone, without its 'Bearer ' prefix (the check adds it)");
        }

        if (options.DaysAhead is < 1 or > 365)
        {
            missing.Add("DaysAhead between 1 and 365");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            missing.Add("a positive RequestTimeout");
        }

        if (options.MaxResponseBodySize <= 0)
        {
            missing.Add("a positive MaxResponseBodySize");
        }

        if (string.IsNullOrWhiteSpace(options.ForeignPracticeId) || options.ForeignPracticeId == options.PracticeId)
        {
            missing.Add("a ForeignPracticeId other than the practice checked");
        }

        if (missing.Count > 0)
        {
            throw new NexGenContractCheckException($"The contract check needs {string.Join(", ", missing)}.");
        }
    }
}
