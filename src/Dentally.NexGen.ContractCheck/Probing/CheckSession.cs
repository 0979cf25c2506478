using System.Globalization;
using Dentally.NexGen.ContractCheck.Contract;
using Dentally.NexGen.ContractCheck.Reporting;
using Dentally.NexGen.ContractCheck.Validation;

namespace Dentally.NexGen.ContractCheck.Probing;

/// <summary>
/// What one run of the check shares between its steps: the contract, the connection, the differences
/// found so far and the ids discovered from list answers.
/// </summary>
internal sealed class CheckSession
{
    private readonly HashSet<string> _sent = new(StringComparer.Ordinal);
    private readonly ProbeClient _client;
    private readonly AnswerValidator _validator;

    public CheckSession(ContractDocument contract, ProbeClient client, ContractCheckOptions options)
    {
        Contract = contract;
        Options = options;
        _client = client;
        _validator = new AnswerValidator(contract, Log);
    }

    public ContractDocument Contract { get; }

    public ContractCheckOptions Options { get; }

    public DifferenceLog Log { get; } = new();

    /// <summary>Ids found in list answers, by what they are (<c>site</c>, <c>patient</c>, …).</summary>
    public Dictionary<string, string> Ids { get; } = new(StringComparer.Ordinal);

    /// <summary>The operations a request was sent for.</summary>
    public IReadOnlyCollection<string> Sent => _sent;

    /// <summary>Sends a request for the operation, checks the answer against the contract and returns it.</summary>
    public async Task<ProbeAnswer> SendAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        _sent.Add(request.Operation.Id);
        var answer = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        _validator.Check(answer);
        return answer;
    }

    /// <summary>A request for the contract's operation with this id.</summary>
    public ProbeRequest Request(string operationId) => new(Contract[operationId]);

    /// <summary>Logs a difference the check found itself (a broken semantic, an operation it could not reach).</summary>
    public void Report(string operation, string path, DifferenceClass @class, string kind, string expected, string actual, string? requestId = null)
        => Log.Add(new ContractDifference(operation, path, @class, kind, expected, actual) { RequestId = requestId });

    /// <summary>
    /// A read the contract allows, refused with an error status its operation documents — a 400 or 422 for a
    /// parameter or header the server now requires, a 404 for an id it listed itself — is breaking: the
    /// answer matches the contract, the refusal does not. An undocumented status was reported by the
    /// answer's own check; a 429 or a 5xx is the server's state, not its contract, and leaves the read unchecked,
    /// as does a 422 for values <paramref name="pickedByTheCheck"/> (availability for a site and a type that
    /// need not go together).
    /// </summary>
    public void ExpectAccepted(ProbeAnswer answer, bool pickedByTheCheck = false)
    {
        var status = answer.Status.ToString(CultureInfo.InvariantCulture);
        if (answer.IsSuccess || !answer.Operation.Operation.ActualResponses.ContainsKey(status))
        {
            return;
        }

        if (answer.Status != 408 && TransientStatus.Is(answer.Status))
        {
            Report(answer.Operation.Id, "status", DifferenceClass.Info, DifferenceKinds.NotChecked, "an answer to the GET request", status + ": the server was busy or failing", answer.RequestId);
            return;
        }

        if (pickedByTheCheck && answer.Status == 422)
        {
            // Values the check combined itself (a site and a type it found) may rightly be refused together.
            Report(answer.Operation.Id, "status", DifferenceClass.Info, DifferenceKinds.NotChecked, "an answer to the GET request", status + ": the server refused the values the check picked", answer.RequestId);
            return;
        }

        Report(answer.Operation.Id, "status", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, "2xx for a request the contract allows", ValueDescription.Refusal(answer.Status, answer.Body), answer.RequestId);
    }

    /// <summary>
    /// Reports a broken semantic when the answer's status is not the expected one (an error described as
    /// <see cref="ValueDescription.Refusal"/>; a 408, 429 or 5xx only as not checked); true when it is.
    /// </summary>
    public bool Expect(ProbeAnswer answer, int status, string expected)
    {
        if (answer.Status == status)
        {
            return true;
        }

        if (TransientStatus.Is(answer.Status))
        {
            // The server's state (or a gateway's), not its contract, as for a read.
            Report(answer.Operation.Id, "status", DifferenceClass.Info, DifferenceKinds.NotChecked, expected, answer.Status.ToString(CultureInfo.InvariantCulture) + ": the server was busy or failing", answer.RequestId);
            return false;
        }

        // A refusal says why as a refused read does: its problem type and the fields a validation problem names
        // (a member the server now requires of a booking).
        var actual = answer.Status is >= 400 and < 600 ? ValueDescription.Refusal(answer.Status, answer.Body) : answer.Status.ToString(CultureInfo.InvariantCulture);
        Report(answer.Operation.Id, "status", DifferenceClass.Breaking, DifferenceKinds.SemanticBroken, expected, actual, answer.RequestId);
        return false;
    }
}
