using System.Buffers;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Serialization;

/// <summary>
/// Newtonsoft.Json's buffer hook (<see cref="JsonTextReader.ArrayPool"/>) over the runtime's shared pool:
/// a reader rents its character buffer instead of allocating a new one per body, and returns it when
/// closed. Newtonsoft.Json copies every value out of the buffer, so nothing read outlives the rental.
/// </summary>
internal sealed class JsonCharBuffers : IArrayPool<char>
{
    public static readonly JsonCharBuffers Shared = new();

    private JsonCharBuffers()
    {
    }

    public char[] Rent(int minimumLength) => ArrayPool<char>.Shared.Rent(minimumLength);

    public void Return(char[]? array)
    {
        if (array is not null)
        {
            ArrayPool<char>.Shared.Return(array);
        }
    }
}
