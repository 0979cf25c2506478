namespace Dentally.NexGen.Client;

/// <summary>What the handler needs of a <see cref="JsonResponseRequest{T}"/> without knowing its type.</summary>
internal interface IJsonResponseRequest
{
    /// <summary>The status whose body is the documented type.</summary>
    int SuccessStatus { get; }

#if NET5_0_OR_GREATER
    /// <summary>
    /// Reads <paramref name="utf8"/> as the documented type; false, with nothing thrown, when it is not
    /// one complete JSON value of that type (the caller then finds out which).
    /// </summary>
    bool TryRead(ReadOnlySpan<byte> utf8, out object? value);
#endif
}
