using System.Buffers;
using System.Buffers.Binary;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Whether a value is ASP.NET Core Data Protection output, the one kind of value that passes STATE001 whatever the cookie's
/// name. The shapes of secrets are the catalogue's (<see cref="SecretValueShapes"/>), shared with the analyzers.
/// </summary>
internal sealed class SecretValues
{
    /// <summary>The magic header that starts every ASP.NET Core Data Protection payload.</summary>
    private const uint DataProtectionMagicHeader = 0x09F0C9F0;

    /// <summary>Magic header (4) + key id (16) + at least the smallest authenticated payload (16 + 32).</summary>
    private const int MinimumProtectedBytes = 4 + 16 + 16 + 32;

    private static readonly SearchValues<char> Base64Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=");

    private readonly Lazy<IKeyRingProvider?> _keyRing;

    /// <param name="keyRing">The app's key ring, when it uses Data Protection: a payload must name one of its keys.</param>
    public SecretValues(Func<IKeyRingProvider?>? keyRing = null) =>
        _keyRing = new Lazy<IKeyRingProvider?>(keyRing ?? (static () => null));

    /// <summary>
    /// True when the value is a base64 or base64url encoding of a Data Protection payload of this app: the magic header,
    /// the whole value decodable, long enough for an authenticated payload, and (when the app's key ring is known) a key
    /// id of that key ring. A value that only starts like one (<c>CfDJ8</c> and anything) is not protected.
    /// </summary>
    public bool IsDataProtected(string value)
    {
        if (!LooksProtected(value) || SecretValueShapes.DecodeBase64(value) is not { Length: >= MinimumProtectedBytes } bytes ||
            BinaryPrimitives.ReadUInt32BigEndian(bytes) != DataProtectionMagicHeader)
        {
            return false;
        }

        if (IsText(bytes.AsSpan(4 + 16)))
        {
            return false; // ciphertext is never readable text: a header put in front of plain data
        }

        if (_keyRing.Value is not { } provider)
        {
            return true;
        }

        try
        {
            var keyId = new Guid(bytes.AsSpan(4, 16));
            return provider.GetCurrentKeyRing().GetAuthenticatedEncryptorByKeyId(keyId, out _) is not null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Security.Cryptography.CryptographicException)
        {
            return true; // the key ring cannot be read now: trust the structure rather than drop the app's own cookies
        }
    }

    private static bool IsText(ReadOnlySpan<byte> payload)
    {
        foreach (var b in payload)
        {
            if (b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The cheap test first: base64 characters only, long enough, and the first 6 bytes hold the magic header.</summary>
    public static bool LooksProtected(ReadOnlySpan<char> value)
    {
        if (value.Length < (MinimumProtectedBytes * 4 / 3) || value.ContainsAnyExcept(Base64Chars))
        {
            return false;
        }

        return value.StartsWith(SecretValueShapes.DataProtectionPrefix, StringComparison.Ordinal);
    }
}
