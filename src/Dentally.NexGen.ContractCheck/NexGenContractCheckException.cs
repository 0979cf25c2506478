namespace Dentally.NexGen.ContractCheck;

/// <summary>
/// The check could not run: the server was unreachable, refused the credentials, or the options were
/// incomplete. The message is one line saying why and what to do; it never carries the token.
/// </summary>
public sealed class NexGenContractCheckException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NexGenContractCheckException()
    {
    }

    /// <summary>Creates the exception with a message saying why and what to do.</summary>
    /// <param name="message">One line: why the check could not run and what to do.</param>
    public NexGenContractCheckException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the failure underneath.</summary>
    /// <param name="message">One line: why the check could not run and what to do.</param>
    /// <param name="innerException">The failure underneath, e.g. the connection error.</param>
    public NexGenContractCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
