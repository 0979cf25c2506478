using System.Globalization;
using Dentally.NexGen.ContractCheck.Contract;
using Dentally.NexGen.ContractCheck.Reporting;
using Dentally.NexGen.ContractCheck.Validation;
using NSwag;

namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// What a newer contract changes for this SDK, operation by operation: operations added, removed or
/// moved; how they authenticate; parameters; request and response members and enums; statuses; response headers; problem types. Each change is
/// classed for an integrator on this SDK version and names the SDK members it touches.
/// </summary>
internal sealed class SpecComparer(ContractDocument sdk, ContractDocument newer)
{
    private const string Json = "application/json";

    /// <summary>
    /// The response headers the SDK reads: <c>X-Request-Id</c> for support, <c>Retry-After</c> for its waits,
    /// <c>WWW-Authenticate</c> for drift and <c>Idempotent-Replayed</c> for <c>NexGenResponse.Replayed</c> (should the contract document it).
    /// </summary>
    private static readonly HashSet<string> HeadersReadBySdk = new(StringComparer.OrdinalIgnoreCase) { "X-Request-Id", "Retry-After", "WWW-Authenticate", "Idempotent-Replayed" };
    private readonly DifferenceLog _log = new();

    public IReadOnlyList<ContractDifference> Compare()
    {
        CompareServers();
        foreach (var operation in sdk.Operations)
        {
            if (!newer.Has(operation.Id))
            {
                Report(operation.Id, "operation", DifferenceClass.Breaking, "operation-removed", $"{operation.Method} {operation.PathTemplate}", "absent");
                continue;
            }

            CompareOperation(operation, newer[operation.Id]);
        }

        foreach (var operation in newer.Operations.Where(o => !sdk.Has(o.Id)))
        {
            Report(operation.Id, "operation", DifferenceClass.Additive, "operation-added", "absent", $"{operation.Method} {operation.PathTemplate}");
        }

        return _log.All;
    }

    /// <summary>
    /// The servers (a host, a base path) are info: the SDK sends to the base address it is given, not to
    /// these, but a moved host or a new base path is one to configure.
    /// </summary>
    private void CompareServers()
    {
        var (servers, newerServers) = (Urls(sdk), Urls(newer));
        if (!servers.SequenceEqual(newerServers, StringComparer.Ordinal))
        {
            Report("server", "servers", DifferenceClass.Info, "server-changed", string.Join(", ", servers.DefaultIfEmpty("none")), string.Join(", ", newerServers.DefaultIfEmpty("none")));
        }

        // A document without servers reads as null, not empty (OpenAPI's default is then "/", relative to where it came from).
        static List<string> Urls(ContractDocument document) => (document.Document.Servers ?? []).Select(s => s.Url.TrimEnd('/')).Order(StringComparer.Ordinal).ToList();
    }

    private void CompareOperation(ContractOperation mine, ContractOperation theirs)
    {
        var id = mine.Id;
        if (mine.Method != theirs.Method || mine.PathTemplate != theirs.PathTemplate)
        {
            Report(id, "operation", DifferenceClass.Breaking, "operation-moved", $"{mine.Method} {mine.PathTemplate}", $"{theirs.Method} {theirs.PathTemplate}");
        }

        if (!mine.Operation.IsDeprecated && theirs.Operation.IsDeprecated)
        {
            ReportDeprecated(id, "operation");
        }

        CompareSecurity(id, mine.Operation, theirs.Operation);
        CompareParameters(id, mine.Operation, theirs.Operation);
        ValueBounds.CompareExtensions(mine.Operation.ExtensionData, theirs.Operation.ExtensionData, (name, @class, kind, expected, actual) => Report(id, "operation " + name, @class, kind, expected, actual));
        var schemas = new SchemaComparer((path, @class, kind, expected, actual) => Report(id, path, @class, kind, expected, actual));
        CompareRequestMediaTypes(id, mine.Operation.ActualRequestBody?.Content, theirs.Operation.ActualRequestBody?.Content);
        if (JsonSchemaOf(mine.Operation.ActualRequestBody?.Content) is { } sentSchema && JsonSchemaOf(theirs.Operation.ActualRequestBody?.Content) is { } newerSentSchema)
        {
            schemas.Compare(sentSchema, newerSentSchema, "request $", SchemaSide.Request);
        }

        CompareResponses(id, mine.Operation, theirs.Operation, schemas);
    }

    /// <summary>A change of how the operation authenticates, classed by whether the SDK's bearer token still calls it (<see cref="SecurityChange"/>).</summary>
    private void CompareSecurity(string id, OpenApiOperation mine, OpenApiOperation theirs)
    {
        var (accepted, newerAccepted) = (SecurityAlternatives.Of(sdk.Document, mine), SecurityAlternatives.Of(newer.Document, theirs));
        if (SecurityChange.Classify(accepted, newerAccepted) is { } @class)
        {
            Report(id, "security", @class, "security-changed", SecurityAlternatives.Describe(accepted), SecurityAlternatives.Describe(newerAccepted));
        }
    }

    /// <summary>The SDK sends its body as the media type its contract names: a newer contract that accepts none of them breaks every send.</summary>
    private void CompareRequestMediaTypes(string id, IDictionary<string, OpenApiMediaType>? sent, IDictionary<string, OpenApiMediaType>? newerSent)
    {
        if (sent is { Count: > 0 } && newerSent is { Count: > 0 } && !sent.Keys.Any(newerSent.ContainsKey))
        {
            Report(id, "request", DifferenceClass.Breaking, "media-type-changed", string.Join(" or ", sent.Keys), string.Join(" or ", newerSent.Keys));
        }
    }

    private void CompareParameters(string id, OpenApiOperation mine, OpenApiOperation theirs)
    {
        var sdkParameters = Parameters(mine);
        var newerParameters = Parameters(theirs);
        foreach (var (key, parameter) in sdkParameters)
        {
            if (!newerParameters.TryGetValue(key, out var newerParameter))
            {
                Report(id, $"parameter {key}", DifferenceClass.Breaking, "parameter-removed", parameter.IsRequired ? "required" : "optional", "absent");
                continue;
            }

            if (!parameter.IsRequired && newerParameter.IsRequired)
            {
                Report(id, $"parameter {key}", DifferenceClass.Breaking, "parameter-became-required", "optional", "required");
            }

            if (!parameter.IsDeprecated && newerParameter.IsDeprecated)
            {
                ReportDeprecated(id, $"parameter {key}");
            }

            var (type, newerType) = (ValueDescription.TypeOf(parameter.ActualSchema), ValueDescription.TypeOf(newerParameter.ActualSchema));
            if (type != newerType)
            {
                Report(id, $"parameter {key}", DifferenceClass.Breaking, "parameter-type-changed", type, newerType);
            }

            ValueBounds.Compare(parameter.ActualSchema, newerParameter.ActualSchema, SchemaSide.Request, (@class, kind, expected, actual) => Report(id, $"parameter {key}", @class, kind, expected, actual));
            ValueBounds.CompareExtensions(parameter.ExtensionData, newerParameter.ExtensionData, (_, @class, kind, expected, actual) => Report(id, $"parameter {key}", @class, kind, expected, actual));
        }

        foreach (var key in newerParameters.Keys.Except(sdkParameters.Keys).Order(StringComparer.Ordinal))
        {
            var required = newerParameters[key].IsRequired;
            Report(id, $"parameter {key}", required ? DifferenceClass.Breaking : DifferenceClass.Additive, "parameter-added", "absent", required ? "required" : "optional");
        }
    }

    private void CompareResponses(string id, OpenApiOperation mine, OpenApiOperation theirs, SchemaComparer schemas)
    {
        foreach (var (status, response) in mine.ActualResponses)
        {
            if (!theirs.ActualResponses.TryGetValue(status, out var newerResponse))
            {
                Report(id, $"response {status}", DifferenceClass.Info, "status-removed", status, "absent");
                continue;
            }

            CompareHeaders(id, status, response.ActualResponse.Headers, newerResponse.ActualResponse.Headers);
            var (content, newerContent) = (response.ActualResponse.Content, newerResponse.ActualResponse.Content);
            foreach (var (mediaType, body) in content)
            {
                if (!newerContent.TryGetValue(mediaType, out var newerBody))
                {
                    Report(id, $"response {status}", DifferenceClass.Breaking, "media-type-changed", mediaType, string.Join(" or ", newerContent.Keys.DefaultIfEmpty("no body")));
                    continue;
                }

                if (body.Schema is { } schema && newerBody.Schema is { } newerSchema)
                {
                    schemas.Compare(schema, newerSchema, $"response {status} $", SchemaSide.Response);
                }

                CompareProblemTypes(id, status, body, newerBody);
            }
        }

        foreach (var status in theirs.ActualResponses.Keys.Except(mine.ActualResponses.Keys).Order(StringComparer.Ordinal))
        {
            // A new success status is one the generated client does not expect; a new error status
            // arrives as a typed NexGenApiException like any other.
            var success = int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is >= 200 and < 300;
            Report(id, $"response {status}", success ? DifferenceClass.Breaking : DifferenceClass.Additive, "status-added", "absent", status);
        }
    }

    /// <summary>
    /// A response header removed is breaking only where the SDK reads it (<see cref="HeadersReadBySdk"/>); one it
    /// never reads (<c>Location</c>: the created appointment is in the body) is info. One added is additive.
    /// </summary>
    private void CompareHeaders(string id, string status, OpenApiHeaders headers, OpenApiHeaders newerHeaders)
    {
        var (names, newerNames) = (headers.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase), newerHeaders.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase));
        foreach (var removed in names.Except(newerNames, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            var @class = HeadersReadBySdk.Contains(removed) ? DifferenceClass.Breaking : DifferenceClass.Info;
            Report(id, $"response {status} header {removed}", @class, "header-removed", removed, "absent");
        }

        foreach (var added in newerNames.Except(names, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
        {
            Report(id, $"response {status} header {added}", DifferenceClass.Additive, "header-added", "absent", added);
        }
    }

    private void CompareProblemTypes(string id, string status, OpenApiMediaType mine, OpenApiMediaType theirs)
    {
        var (types, newerTypes) = (ProblemTypes.DocumentedIn(mine), ProblemTypes.DocumentedIn(theirs));
        foreach (var removed in types.Except(newerTypes).Order(StringComparer.Ordinal))
        {
            Report(id, $"response {status} $.type", DifferenceClass.Breaking, "problem-type-removed", removed, "absent");
        }

        foreach (var added in newerTypes.Except(types).Order(StringComparer.Ordinal))
        {
            Report(id, $"response {status} $.type", DifferenceClass.Additive, "problem-type-added", "absent", added);
        }
    }

    /// <summary>Newly deprecated: nothing breaks yet, but the API announces it will go (the Patients surface is to be redesigned).</summary>
    private void ReportDeprecated(string operation, string path)
        => Report(operation, path, DifferenceClass.Info, SchemaComparer.Deprecated, "not deprecated", "deprecated");

    private void Report(string operation, string path, DifferenceClass @class, string kind, string expected, string actual)
        => _log.Add(new ContractDifference(operation, path, @class, kind, expected, actual) { SdkMembers = SdkSurface.Of(operation) });

    /// <summary>The operation's parameters (its path's included) by <c>in name</c>, e.g. <c>query status</c>.</summary>
    private static Dictionary<string, OpenApiParameter> Parameters(OpenApiOperation operation)
        => operation.ActualParameters
            .Select(p => p.ActualParameter)
            .GroupBy(p => $"{p.Kind.ToString().ToLowerInvariant()} {p.Name}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    private static NJsonSchema.JsonSchema? JsonSchemaOf(IDictionary<string, OpenApiMediaType>? content)
        => content is not null && content.TryGetValue(Json, out var body) ? body.Schema : null;
}
