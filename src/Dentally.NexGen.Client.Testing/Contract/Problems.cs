using System.Globalization;
using System.Net;
using Dentally.NexGen.Client.Testing.Handlers;
using Dentally.NexGen.Client.Testing.Scheduling;
using Dentally.NexGen.Client.Testing.Validation;
using static Microsoft.AspNetCore.Http.StatusCodes;

namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>The contract's problem responses (RFC 9457), titled as in the spec's examples, each carrying the request's path and id.</summary>
internal static class Problems
{
    private static ProblemCatalog Catalog => SandboxContract.Instance.Problems;

    /// <summary>422 <c>validation-error</c>; 400 <c>malformed-request</c> naming the fields for an operation whose contract has no 422.</summary>
    public static SandboxResponse Validation(SandboxRequest request, ValidationErrors errors)
        => request.DocumentsValidationError
            ? Create(request, new ValidationProblem { Errors = errors.ToDictionary() }, Status422UnprocessableEntity, "validation-error", "One or more fields are invalid.")
            : Malformed(request, "Invalid query: " + string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key} {string.Join(", ", e.Value)}")) + ".");

    public static SandboxResponse Malformed(SandboxRequest request, string detail)
        => Create(request, new Problem(), Status400BadRequest, "malformed-request", detail);

    public static SandboxResponse Unauthorized(SandboxRequest request, string detail)
        => Create(request, new Problem(), Status401Unauthorized, "unauthorized", detail).WithHeader("WWW-Authenticate", "Bearer");

    public static SandboxResponse Forbidden(SandboxRequest request, string detail)
        => Create(request, new Problem(), Status403Forbidden, "forbidden", detail);

    public static SandboxResponse NotFound(SandboxRequest request, string detail)
        => Create(request, new Problem(), Status404NotFound, "not-found", detail);

    public static SandboxResponse SlotConflict(SandboxRequest request, ConflictDetail conflict, IEnumerable<Slot> suggestions)
        => Create(
            request,
            new ConflictProblem { Conflict = conflict, SuggestedSlots = suggestions.ToList() },
            Status409Conflict,
            "slot-conflict",
            $"The {conflict.Resource} is already booked from {LocalTimes.Write(conflict.ScheduledStart)} to {LocalTimes.Write(conflict.ScheduledEnd)}.");

    public static SandboxResponse InvalidTransition(SandboxRequest request, string currentStatus, string requestedStatus, IReadOnlyList<string> allowed)
        => Create(
            request,
            new InvalidStatusTransitionProblem { CurrentStatus = currentStatus, AllowedTransitions = allowed.ToList() },
            Status409Conflict,
            "invalid-status-transition",
            $"An appointment in status {currentStatus} cannot move to {requestedStatus}.");

    public static SandboxResponse IdempotencyKeyInUse(SandboxRequest request)
        => Create(request, new Problem(), Status409Conflict, "idempotency-key-in-use", "A request with this Idempotency-Key is still being processed.")
            .WithHeader("Retry-After", "1");

    public static SandboxResponse IdempotencyKeyMismatch(SandboxRequest request)
        => Create(request, new Problem(), Status422UnprocessableEntity, "idempotency-key-mismatch", "The Idempotency-Key was already used with a different request body.");

    public static SandboxResponse ServerError(SandboxRequest request, string detail)
        => Create(request, new Problem(), Status500InternalServerError, "server-error", detail);

    /// <summary>The body of an injected status fault: the type the contract gives the status where it gives one.</summary>
    public static SandboxResponse ForFault(SandboxRequest request, SandboxFault fault)
    {
        var status = fault.StatusCode;
        var (name, title) = Catalog.TypeOf(status) switch
        {
            { } type => (type, Catalog.TitleOf(status, type)),
            null when status >= Status500InternalServerError => (Catalog.TypeOf(Status500InternalServerError)!, ReasonPhrase(status)),
            // The contract has no single type for other client errors; the status's reason phrase names one.
            null => (Slug(ReasonPhrase(status)), ReasonPhrase(status)),
        };

        var detail = fault.RetryAfter is { } wait
            ? $"Injected fault: {status}; retry after {Seconds(wait)} seconds."
            : $"Injected fault: {status}.";
        var problem = name == "validation-error" ? new ValidationProblem { Errors = new Dictionary<string, IList<string>>() } : new Problem();
        var response = Create(request, problem, status, name, detail, title);
        if (status == Status401Unauthorized)
        {
            response = response.WithHeader("WWW-Authenticate", "Bearer");
        }

        if (fault.RetryAfter is not { } retryAfter)
        {
            return response;
        }

        if (!fault.RetryAfterAsHttpDate)
        {
            return response.WithHeader("Retry-After", Seconds(retryAfter));
        }

        // HTTP dates have whole seconds: round up so the client never retries early. Counted from the
        // request's arrival on the sandbox's clock, so a test on a fake clock gets the wait it asked for.
        var at = request.Received.ReceivedAt + retryAfter;
        at = at.AddTicks(TimeSpan.TicksPerSecond - (at.Ticks % TimeSpan.TicksPerSecond));
        return response.WithHeader("Retry-After", at.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>A problem with the spec's title for its status and type (or <paramref name="title"/>, for a type the spec has no example of at that status).</summary>
    public static T Describe<T>(T problem, int status, string name, string detail, string instance, string requestId, string? title = null)
        where T : Problem
    {
        problem.Type = new Uri(ProblemTypes.Prefix + name);
        problem.Title = title ?? Catalog.TitleOf(status, name);
        problem.Status = status;
        problem.Detail = detail;
        problem.Instance = instance;
        problem.RequestId = requestId;
        return problem;
    }

    /// <summary>The path as a URI reference: each segment percent-encoded, so one with non-ASCII or reserved characters stays a valid <c>instance</c>.</summary>
    public static string UriReference(string path) => string.Join("/", path.Split('/').Select(Uri.EscapeDataString));

    private static SandboxResponse Create(SandboxRequest request, Problem problem, int status, string name, string detail, string? title = null)
        => SandboxResponse.Problem(Describe(problem, status, name, detail, UriReference(request.Path), request.RequestId, title));

    private static string Seconds(TimeSpan wait) => ((long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    private static string ReasonPhrase(int status)
    {
        var name = ((HttpStatusCode)status).ToString();
        if (int.TryParse(name, out _))
        {
            return "Error " + name;
        }

        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
                words.Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }

    private static string Slug(string phrase)
        => string.Join("-", phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
