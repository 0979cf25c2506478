using System.Buffers;
using Newtonsoft.Json;

namespace Dentally.NexGen.Client.Serialization;

/// <summary>
/// Newtonsoft.Json's buffers rented from <see cref="ArrayPool{T}.Shared"/>. A reader or writer without a
/// pool allocates its character buffers anew for every body, which was the largest single item in what a
/// booking allocated (docs/performance.md). Readers and writers give the buffers back when closed.
/// </summary>
internal sealed class JsonCharPool : IArrayPool<char>
{
    public static JsonCharPool Instance { get; } = new();

    private JsonCharPool()
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
