using System.Security.Cryptography;

namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>Issues request ids shaped like the spec's (<c>req_01JV7N3Q8ZK5W2D4X6Y9A0B1C2</c>): <c>req_</c> plus 26 Crockford base-32 characters.</summary>
internal static class RequestIds
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string Next()
    {
        Span<byte> bytes = stackalloc byte[26];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[26];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Alphabet[bytes[i] % Alphabet.Length];
        }

        return string.Concat("req_", chars);
    }
}
