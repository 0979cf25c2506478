using System.Collections.Concurrent;

namespace Dentally.NexGen.Client;

/// <summary>
/// The (operation, JSON path, kind, class) findings already reported for one <see cref="NexGenClientOptions"/> instance, shared by
/// every pipeline built from it: the clients an app makes from its options, and on netstandard2.0 the handler
/// chains <c>IHttpClientFactory</c> rotates, report a path once between them. The class is part of the key: a
/// member first met converted (info) and later unreadable (breaking) is reported again, so a breaking alert fires; so is
/// the kind, so one difference at a path (a 401 without a challenge) does not hide another there (one asking for DPoP). At most <see cref="MaxPaths"/>
/// are remembered, so a server sending ever new members cannot grow memory; beyond them new paths go unreported.
/// </summary>
internal sealed class ContractDriftPaths
{
    public const int MaxPaths = 1000;

    private readonly ConcurrentDictionary<(string Operation, string Path, string DriftKind, string DriftClass), byte> _reported = new();

    /// <summary>Whether the finding is new, now remembered; <see langword="false"/> when seen before or the set is full.</summary>
    public bool TryAdd(string operation, string path, string driftKind, string driftClass)
        => _reported.Count < MaxPaths && _reported.TryAdd((operation, path, driftKind, driftClass), 0);
}
