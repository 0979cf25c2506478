using System.Runtime.Serialization;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client;

/// <summary>
/// What one response differs in, collected while Newtonsoft.Json reads it. The scope travels in the
/// read's own serializer (its <see cref="JsonSerializer.Context"/>), where every hook that sees drift
/// finds it: <see cref="ContractDriftResolver"/>'s deserialized-object callback, the
/// <see cref="ExtensibleValueConverter"/> and the settings' error handler. Hooks run outside such a
/// read (problem bodies, an integrator's own use of the settings) find none and record nothing.
/// </summary>
internal sealed class ContractDriftScope
{
    /// <summary>A response with more undocumented members than this reports the first ones only.</summary>
    private const int MaxFindings = 64;

    private readonly JsonReader _reader;

    private ContractDriftScope(JsonReader reader) => _reader = reader;

    /// <summary>The differences found that the SDK read past (additive or info), or <see langword="null"/> when none was.</summary>
    public List<ContractDriftFinding>? Findings { get; private set; }

    /// <summary>The first error of the read, as a breaking difference (its path with concrete indices).</summary>
    public ContractDriftFinding? Violation { get; private set; }

    /// <summary>Whether <see cref="Violation"/> is a required member missing or null, which a body cut short cannot cause.</summary>
    public bool IsRequiredViolation { get; private set; }

    /// <summary>A serializer for one read through <paramref name="reader"/>, carrying that read's scope.</summary>
    public static (JsonSerializer Serializer, ContractDriftScope Scope) Begin(JsonSerializerSettings settings, JsonReader reader)
    {
        var scope = new ContractDriftScope(reader);
        var serializer = JsonSerializer.Create(settings);
#pragma warning disable SYSLIB0050 // Newtonsoft.Json's per-serializer context is a StreamingContext; no formatter is involved.
        serializer.Context = new StreamingContext(StreamingContextStates.Other, scope);
#pragma warning restore SYSLIB0050
        return (serializer, scope);
    }

    /// <summary>The scope of the read a hook runs in, if any.</summary>
    public static ContractDriftScope? Of(StreamingContext context) => context.Context as ContractDriftScope;

    /// <summary>Records a difference of <paramref name="kind"/> at the reader's current position.</summary>
    public void Record(string kind) => Add(kind, _reader.Path);

    /// <summary>
    /// Records a value of another JSON type than the contract's, read because it converts without loss
    /// (<see cref="ContractJsonReader"/>), at the reader's current position: a <c>type-changed</c> of class info.
    /// </summary>
    public void RecordConverted() => Add(ContractDriftKinds.TypeChanged, _reader.Path, ContractDriftKinds.Info);

    /// <summary>Records undocumented members of the object the reader has just finished.</summary>
    public void RecordMembers(IEnumerable<string> members)
    {
        var objectPath = _reader.Path;
        foreach (var member in members)
        {
            Add(ContractDriftKinds.UndocumentedMember, ContractDriftPath.Member(objectPath, member));
        }
    }

    /// <summary>
    /// The serializer's error handler: keeps the first error of a read as a breaking difference. Called
    /// once per level the error passes through, with the innermost member and path each time.
    /// </summary>
    public static void OnError(object? sender, Newtonsoft.Json.Serialization.ErrorEventArgs args)
    {
        if (sender is not JsonSerializer serializer || Of(serializer.Context) is not { Violation: null } scope || args is null)
        {
            return;
        }

        var context = args.ErrorContext;
        // Newtonsoft.Json says which required member is missing only in its message (which holds no value);
        // the error's path is then the object's, and the member is named apart.
        var required = context.Error is JsonSerializationException && context.Error.Message.StartsWith("Required property", StringComparison.Ordinal);
        var path = context.Member is not string member ? context.Path
            : required ? ContractDriftPath.Member(context.Path, member)
            : ContractDriftPath.UpTo(context.Path, member);
        var kind = required && context.Error.Message.Contains("not found")
            ? ContractDriftKinds.MissingRequiredMember
            : ContractDriftKinds.TypeChanged;
        scope.Violation = new ContractDriftFinding(kind, ContractDriftPath.Of(path, collapseIndices: false));
        scope.IsRequiredViolation = required;

        // A required member missing beside members the contract does not name is most likely renamed: the new
        // names are recorded too (the object fails before its own callback would record them).
        if (kind == ContractDriftKinds.MissingRequiredMember && context.OriginalObject is IReceivedExtensionData { Received: { Count: > 0 } received } and not Problem)
        {
            foreach (var name in received.Keys)
            {
                scope.Add(ContractDriftKinds.UndocumentedMember, ContractDriftPath.Member(context.Path, name));
            }
        }
    }

    /// <summary>
    /// Records a <c>null</c> item at <paramref name="index"/> of the list <paramref name="member"/> of the
    /// object the reader has just finished, as a breaking difference, unless the read has one already.
    /// </summary>
    public void RecordNullItem(string member, int index)
    {
        if (Violation is null)
        {
            var path = ContractDriftPath.Member(_reader.Path, member) + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
            Violation = new ContractDriftFinding(ContractDriftKinds.TypeChanged, ContractDriftPath.Of(path, collapseIndices: false));
        }
    }

    private void Add(string kind, string readerPath, string driftClass = ContractDriftKinds.Additive)
    {
        var findings = Findings ??= [];
        if (findings.Count < MaxFindings)
        {
            findings.Add(new ContractDriftFinding(kind, ContractDriftPath.Of(readerPath, collapseIndices: true), driftClass));
        }
    }
}
