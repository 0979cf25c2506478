namespace Dentally.NexGen.ContractCheck.Diff;

/// <summary>
/// Which way a schema's data flows, which decides what a change breaks: the SDK sends requests (a member
/// the server stops accepting breaks it) and reads responses (a member the server stops sending breaks it).
/// </summary>
internal enum SchemaSide
{
    Request,
    Response,
}
