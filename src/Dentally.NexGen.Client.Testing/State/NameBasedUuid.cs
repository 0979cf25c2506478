using System.Security.Cryptography;
using System.Text;

namespace Dentally.NexGen.Client.Testing.State;

/// <summary>
/// A deterministic UUID from a namespace UUID and a name, as RFC 9562 describes for name-based UUIDs,
/// with SHA-256 (so version 8, the RFC's form for hashes other than MD5 and SHA-1).
/// </summary>
internal static class NameBasedUuid
{
    public static Guid Create(Guid namespaceId, string name)
    {
        var space = namespaceId.ToByteArray(bigEndian: true);
        var text = Encoding.UTF8.GetBytes(name);
        var hash = SHA256.HashData([.. space, .. text]);
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // the RFC's variant
        return new Guid(bytes, bigEndian: true);
    }
}
