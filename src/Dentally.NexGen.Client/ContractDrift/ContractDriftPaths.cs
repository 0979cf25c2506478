using System.Collections.Concurrent;

namespace Dentally.NexGen.Client;

/// <summary>
/// The (operation, JSON path, class) triples already reported for one <see cref="NexGenClientOptions"/> instance, shared by
/// every pipeline built from it: the clients an app makes from its options, and on netstandard2.0 the handler
/// chains <c>IHttpClientFactory</c> rotates, report a path once between them. The class is part of the key: a
/// member first met converted (info) and later unreadable (breaking) is reported again, so a breaking alert fires. At most <see cref="MaxPaths"/>
/// are remembered, so a server sending ever new members cannot grow memory; beyond them new paths go unreported.
/// </summary>
internal sealed class ContractDriftPaths
{
    public const int MaxPaths = 1000;

    private readonly ConcurrentDictionary<(string Operation, string Path, string DriftClass), byte> _reported = new();

    /// <summary>Whether the triple is new, now remembered; <see langword="false"/> when seen before or the set is full.</summary>
    public bool TryAdd(string operation, string path, string driftClass)
        => _reported.Count < MaxPaths && _reported.TryAdd((operation, path, driftClass), 0);
}
