using System.Net;
using Microsoft.Extensions.Options;

namespace Dentally.NexGen.Client;

/// <summary>Validates <see cref="NexGenClientOptions"/> at start-up (with <c>ValidateOnStart</c>) and in the plain constructor.</summary>
internal sealed class NexGenClientOptionsValidator(IEnumerable<ConfigurationOrigin> origins) : IValidateOptions<NexGenClientOptions>
{
    // The SDK's own bound: a User-Agent header stays short enough for any proxy's logs.
    private const int MaxUserAgentSuffixLength = 200;

    // The timeouts (and retry delay) the resilience pipeline accepts: Polly's own bounds.
    private static readonly TimeSpan ShortestTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, NexGenClientOptions options)
    {
        IEnumerable<string> failures = Check(options);
        if (!failures.Any())
        {
            return ValidateOptionsResult.Success;
        }

        // Options bound from configuration: each failure also names the key to set there.
        if (origins.LastOrDefault(origin => origin.OptionsName == (name ?? Options.DefaultName)) is { } origin)
        {
            failures = origin.Explain(failures).ToList();
        }

        // A named client's failures say which client they are about: an app may register several.
        return ValidateOptionsResult.Fail(string.IsNullOrEmpty(name) ? failures : failures.Select(failure => $"NexGen client '{name}': {failure}"));
    }

    public static void ThrowIfInvalid(NexGenClientOptions options)
    {
        Guard.NotNull(options, nameof(options));
        var failures = Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException("Invalid NexGenClientOptions: " + string.Join(" ", failures), nameof(options));
        }
    }

    public static IReadOnlyList<string> Check(NexGenClientOptions options)
    {
        var failures = new List<string>();
        var baseAddress = options.BaseAddress;
        if (baseAddress is null)
        {
            failures.Add("NexGenClientOptions.BaseAddress is required.");
        }
        else if (!baseAddress.IsAbsoluteUri)
        {
            failures.Add($"NexGenClientOptions.BaseAddress must be an absolute URI (got '{baseAddress}').");
        }
        else if (baseAddress.Scheme != Uri.UriSchemeHttps && !(baseAddress.Scheme == Uri.UriSchemeHttp && IsLoopback(baseAddress)))
        {
            failures.Add($"NexGenClientOptions.BaseAddress must use https (http is allowed only for loopback hosts; got '{baseAddress.Scheme}://{baseAddress.Host}').");
        }
        else if (!string.IsNullOrEmpty(baseAddress.Query) || !string.IsNullOrEmpty(baseAddress.Fragment))
        {
            failures.Add("NexGenClientOptions.BaseAddress must not have a query or fragment.");
        }
        else if (ContractPathInBaseAddress.SuggestInstead(baseAddress) is { } root)
        {
            failures.Add($"NexGenClientOptions.BaseAddress must be the API's root, without the contract's paths, which every call adds itself "
                + $"(/api/v1/{{org_id}}/…, /v2/sites): use '{root}' instead of '{ContractPathInBaseAddress.Shown(baseAddress)}'.");
        }
        else if (!string.IsNullOrEmpty(baseAddress.UserInfo))
        {
            // Never quoted: it is a password. (The contract-path message above suggests a root without it.) The API authenticates with the bearer token alone.
            failures.Add("NexGenClientOptions.BaseAddress must not hold user info (user:password@host): the SDK authenticates with the token alone.");
        }

        CheckTenant(failures, options);
        if (options.TokenProvider is null && string.IsNullOrWhiteSpace(options.Token))
        {
            failures.Add("NexGenClientOptions.Token or NexGenClientOptions.TokenProvider is required.");
        }
        else if (options.TokenProvider is null && TokenRule.Problem(options.Token) is { } tokenProblem)
        {
            failures.Add($"NexGenClientOptions.Token {tokenProblem}.");
        }

        CheckTimeout(failures, options.AttemptTimeout, "AttemptTimeout");
        if (CheckTimeout(failures, options.OverallTimeout, "OverallTimeout") && options.OverallTimeout < options.AttemptTimeout)
        {
            failures.Add("NexGenClientOptions.OverallTimeout must not be shorter than AttemptTimeout.");
        }

        if (options.MaxResponseBodySize is <= 0 or > 1024 * 1024 * 1024)
        {
            failures.Add("NexGenClientOptions.MaxResponseBodySize must be between 1 byte and 1 GiB.");
        }

        if (options.AppointmentTypeCacheDuration <= TimeSpan.Zero)
        {
            failures.Add("NexGenClientOptions.AppointmentTypeCacheDuration must be positive.");
        }
        else if (options.AppointmentTypeCacheDuration > AppointmentTypeCache.MaxTimeToLive)
        {
            failures.Add($"NexGenClientOptions.AppointmentTypeCacheDuration must be at most {Hours(AppointmentTypeCache.MaxTimeToLive)}.");
        }

        var retry = options.Retry;
        if (retry is null)
        {
            failures.Add("NexGenClientOptions.Retry is required.");
        }
        else
        {
            if (retry.MaxRetries is < 0 or > 10)
            {
                failures.Add("NexGenClientOptions.Retry.MaxRetries must be between 0 and 10.");
            }

            if (retry.BaseDelay < TimeSpan.Zero)
            {
                failures.Add("NexGenClientOptions.Retry.BaseDelay must not be negative.");
            }
            else if (retry.BaseDelay > LongestTimeout)
            {
                failures.Add($"NexGenClientOptions.Retry.BaseDelay must be at most {Hours(LongestTimeout)}.");
            }

            if (retry.MaxDelay < retry.BaseDelay)
            {
                failures.Add("NexGenClientOptions.Retry.MaxDelay must not be shorter than BaseDelay.");
            }
            else if (retry.MaxDelay > LongestTimeout)
            {
                failures.Add($"NexGenClientOptions.Retry.MaxDelay must be at most {Hours(LongestTimeout)}.");
            }

            if (retry.IdempotencyKeyInUseDelay < TimeSpan.Zero)
            {
                failures.Add("NexGenClientOptions.Retry.IdempotencyKeyInUseDelay must not be negative.");
            }
        }

        if (options.UserAgentSuffix is { } suffix && (suffix.Length > MaxUserAgentSuffixLength || !Client.Validate.IsPrintableAscii(suffix)))
        {
            failures.Add($"NexGenClientOptions.UserAgentSuffix must be at most {MaxUserAgentSuffixLength} printable ASCII characters.");
        }

        if (options.TimeProvider is null)
        {
            failures.Add("NexGenClientOptions.TimeProvider is required.");
        }

        return failures;
    }

    // Whether a timeout is one the resilience pipeline can arm, adding the failure when it is not: Polly
    // refuses a timeout outside its bounds (and a retry delay or its cap over a day) when the pipeline is built, with its
    // own exception; an infinite or MaxValue timeout is refused here, naming the option, instead.
    private static bool CheckTimeout(List<string> failures, TimeSpan timeout, string name)
    {
        var problem = timeout <= TimeSpan.Zero ? "must be positive"
            : timeout < ShortestTimeout ? $"must be at least {ShortestTimeout.TotalMilliseconds:0} ms"
            : timeout > LongestTimeout ? $"must be at most {Hours(LongestTimeout)}"
            : null;
        if (problem is not null)
        {
            failures.Add($"NexGenClientOptions.{name} {problem}.");
        }

        return problem is null;
    }

    private static string Hours(TimeSpan bound) => bound.TotalHours.ToString("0", System.Globalization.CultureInfo.InvariantCulture) + " hours";

    // A client for one practice names both; a partner's client for many names neither and is scoped per
    // call with ForPractice. One without the other is a mistake either way.
    private static void CheckTenant(List<string> failures, NexGenClientOptions options)
    {
        if (options.OrganizationId is null && options.PracticeId is null)
        {
            return;
        }

        foreach (var (value, name) in new[] { (options.OrganizationId, "OrganizationId"), (options.PracticeId, "PracticeId") })
        {
            if (TenantId.Problem(value) is { } problem)
            {
                failures.Add($"NexGenClientOptions.{name} {problem} (set OrganizationId and PracticeId together, or neither and use ForPractice).");
            }
        }
    }

    private static bool IsLoopback(Uri uri)
        => uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
