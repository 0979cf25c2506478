using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// Sends the check's requests to the server and reads each answer in full. A server that cannot be
/// reached ends the check (<see cref="NexGenContractCheckException"/>); every answer, whatever its
/// status, is returned to be checked.
/// </summary>
internal sealed class ProbeClient : IDisposable
{
    /// <summary>The headers an API announces an operation's end with: RFC 9745's and RFC 8594's.</summary>
    private static readonly string[] DeprecationHeaders = ["Deprecation", "Sunset"];

    private readonly HttpClient _http;
    private readonly ContractCheckOptions _options;
    private readonly string _baseAddress;

    public ProbeClient(ContractCheckOptions options)
    {
        _options = options;
        // A redirect is an answer to report (the operation moved), not one to follow: followed, it would
        // lose the token (HttpClient drops Authorization on a redirect) and the check would blame the token.
        // It decodes compressed bodies as the SDK's own transport does, which a server may send unasked.
        HttpMessageHandler handler = options.HttpMessageHandler ?? new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.All };
        var disposeHandler = options.HttpMessageHandler is null;
        if (!options.AllowWrites)
        {
            handler = new ReadOnlyGuard(handler);
        }

        // Each request's timeout runs on the options' clock (see SendAsync), not HttpClient's own timer.
        _http = new HttpClient(handler, disposeHandler) { Timeout = Timeout.InfiniteTimeSpan };
        _baseAddress = options.BaseAddress!.ToString().TrimEnd('/');
    }

    /// <summary>Sends the request and reads the answer.</summary>
    public async Task<ProbeAnswer> SendAsync(ProbeRequest probe, CancellationToken cancellationToken)
    {
        var operation = probe.Operation;
        _options.Progress?.Report($"  {operation.Method} {operation.Id}{(probe.Note is null ? string.Empty : $" ({probe.Note})")}");

        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), _baseAddress + PathOf(probe));
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("application/problem+json");
        if (probe.WithToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.Token);
        }

        request.Headers.TryAddWithoutValidation("X-Practice-Id", probe.PracticeOverride ?? _options.PracticeId);
        if (probe.IdempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", probe.IdempotencyKey);
        }

        if (probe.JsonBody is not null)
        {
            request.Content = new StringContent(probe.JsonBody, Encoding.UTF8, "application/json");
        }

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            // Headers first: HttpClient would otherwise buffer a body of any size before handing it over.
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var text = await BoundedBody.ReadAsync(response.Content, _options.MaxResponseBodySize, () => TooLarge(operation.Id), linked.Token).ConfigureAwait(false);
            var (body, isJson) = Parse(text);
            return new ProbeAnswer(
                operation,
                (int)response.StatusCode,
                response.Content.Headers.ContentType?.MediaType,
                body,
                isJson,
                Header(response, "X-Request-Id"),
                Challenge(response),
                DeprecationHeaders.FirstOrDefault(response.Headers.Contains))
            {
                MovedTo = MovedTo(response.Headers.Location, request.RequestUri!),
            };
        }
        catch (HttpRequestException exception)
        {
            throw new NexGenContractCheckException($"Could not reach {_baseAddress} ({exception.Message}); check the base URL and the network.", exception);
        }
        catch (IOException exception)
        {
            // The body is read after the headers: a connection dropped mid-body is no HttpRequestException.
            throw new NexGenContractCheckException($"The answer to {operation.Id} from {_baseAddress} was cut off ({exception.Message}); check the network, or the server's health.", exception);
        }
        catch (InvalidDataException exception)
        {
            // A body its Content-Encoding (gzip, deflate, br) does not describe: no answer to check.
            throw new NexGenContractCheckException($"The answer to {operation.Id} from {_baseAddress} could not be decoded ({exception.Message}): its Content-Encoding does not match its body; check the server, or a proxy in front of it.", exception);
        }
        catch (OperationCanceledException exception) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new NexGenContractCheckException($"{_baseAddress} did not answer {operation.Id} within {_options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s; check the base URL and the network.", exception);
        }
    }

    public void Dispose() => _http.Dispose();

    private NexGenContractCheckException TooLarge(string operation)
        => new(FormattableString.Invariant($"The answer to {operation} from {_baseAddress} is larger than {_options.MaxResponseBodySize} bytes (ContractCheckOptions.MaxResponseBodySize); the server may be sending without end."));

    /// <summary>A 401's challenge: the Bearer one when it offers several (a server moving to another scheme still takes the token).</summary>
    private static string? Challenge(HttpResponseMessage response)
    {
        var challenges = response.Headers.WwwAuthenticate;
        return challenges.Count == 0
            ? null
            : (challenges.FirstOrDefault(c => c.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase)) ?? challenges.First()).ToString();
    }

    /// <summary>Where a redirect points: another host (named: the base address to check next) or another path on this one.</summary>
    private static string? MovedTo(Uri? location, Uri requested)
    {
        if (location is null)
        {
            return null;
        }

        var target = location.IsAbsoluteUri ? location : new Uri(requested, location);
        return string.Equals(target.Authority, requested.Authority, StringComparison.OrdinalIgnoreCase) && target.Scheme == requested.Scheme
            ? "another path on this host"
            : "host " + target.Scheme + "://" + target.Authority;
    }

    private string PathOf(ProbeRequest probe)
    {
        var path = new StringBuilder(probe.Operation.PathTemplate);
        path.Replace("{org_id}", Uri.EscapeDataString(_options.OrganizationId!));
        foreach (var (name, value) in probe.PathValues)
        {
            path.Replace("{" + name + "}", Uri.EscapeDataString(value));
        }

        for (var i = 0; i < probe.Query.Count; i++)
        {
            path.Append(i == 0 ? '?' : '&').Append(Uri.EscapeDataString(probe.Query[i].Key)).Append('=').Append(Uri.EscapeDataString(probe.Query[i].Value));
        }

        return path.ToString();
    }

    private static (JToken? Body, bool IsJson) Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, false);
        }

        try
        {
            // Dates stay strings: the schema's formats are checked on the text the server sent.
            using var reader = new JsonTextReader(new StringReader(text)) { DateParseHandling = DateParseHandling.None };
            return (OversizedIntegers.Clamp(JToken.ReadFrom(reader)), true);
        }
        catch (JsonReaderException)
        {
            return (null, false);
        }
    }

    private static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
