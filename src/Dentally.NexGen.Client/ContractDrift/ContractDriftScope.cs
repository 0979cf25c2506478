using Newtonsoft.Json;

namespace Dentally.NexGen.Client;

/// <summary>
/// What the response being read differs in, collected while Newtonsoft.Json reads it. The serializer's
/// hooks that see drift (<see cref="ContractDriftResolver"/>'s extension data setter,
/// <see cref="ExtensibleValueConverter"/>, the settings' error handler) get no context of
/// their own, and a read is synchronous on one thread, so the scope of that read is thread-static. One
/// scope per thread is reused: a response without drift allocates nothing here.
/// </summary>
internal sealed class ContractDriftScope
{
    /// <summary>A response with more undocumented members than this reports the first ones only.</summary>
    private const int MaxFindings = 64;

    [ThreadStatic]
    private static ContractDriftScope? t_current;

    private JsonReader? _reader;

    private ContractDriftScope()
    {
    }

    /// <summary>The additive differences found, or <see langword="null"/> when none was.</summary>
    public List<ContractDriftFinding>? Findings { get; private set; }

    /// <summary>The first error of the read, as a breaking difference (its path with concrete indices).</summary>
    public ContractDriftFinding? Violation { get; private set; }

    /// <summary>Whether <see cref="Violation"/> is a required member missing or null, which a body cut short cannot cause.</summary>
    public bool IsRequiredViolation { get; private set; }

    /// <summary>Starts collecting for a read through <paramref name="reader"/> on this thread.</summary>
    public static ContractDriftScope Enter(JsonReader reader)
    {
        var scope = t_current ??= new ContractDriftScope();
        scope._reader = reader;
        scope.Findings = null;
        scope.Violation = null;
        scope.IsRequiredViolation = false;
        return scope;
    }

    /// <summary>Ends the read; hooks called outside a read (problem bodies, an integrator's own use of the settings) record nothing.</summary>
    public void Exit()
    {
        _reader = null;
        Findings = null;
        Violation = null;
        IsRequiredViolation = false;
    }

    /// <summary>Records a difference of <paramref name="kind"/> at the reader's current position.</summary>
    public static void Record(string kind)
    {
        if (t_current is not { _reader: { } reader } scope)
        {
            return;
        }

        var findings = scope.Findings ??= [];
        if (findings.Count < MaxFindings)
        {
            findings.Add(new ContractDriftFinding(kind, ContractDriftPath.Of(reader.Path, collapseIndices: true)));
        }
    }

    /// <summary>
    /// The serializer's error handler: keeps the first error of a read as a breaking difference. Called
    /// once per level the error passes through, with the innermost member and path each time.
    /// </summary>
    public static void OnError(object? sender, Newtonsoft.Json.Serialization.ErrorEventArgs args)
    {
        if (t_current is not { _reader: not null, Violation: null } scope || args is null)
        {
            return;
        }

        var context = args.ErrorContext;
        // Newtonsoft.Json says which required member is missing only in its message (which holds no value);
        // the error's path is then the object's, and the member is named apart.
        var required = context.Error is JsonSerializationException && context.Error.Message.StartsWith("Required property", StringComparison.Ordinal);
        var path = required && context.Member is string member ? ContractDriftPath.Member(context.Path, member) : context.Path;
        var kind = required && context.Error.Message.Contains("not found")
            ? ContractDriftKinds.MissingRequiredMember
            : ContractDriftKinds.TypeChanged;
        scope.Violation = new ContractDriftFinding(kind, ContractDriftPath.Of(path, collapseIndices: false));
        scope.IsRequiredViolation = required;
    }
}
