using System.Buffers;
using System.Buffers.Binary;
using System.Text.Json;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>Structural checks on cookie values: Data Protection payloads, JSON Web Tokens, well-known key formats.</summary>
internal static class SecretValues
{
    /// <summary>The magic header that starts every ASP.NET Core Data Protection payload.</summary>
    private const uint DataProtectionMagicHeader = 0x09F0C9F0;

    /// <summary>Magic header (4) + key id (16) + at least the smallest authenticated payload (16 + 32).</summary>
    private const int MinimumProtectedBytes = 4 + 16 + 16 + 32;

    private static readonly SecretFormat[] KnownFormats =
    {
        new("sk_live_", 24, "a Stripe live secret key"),
        new("rk_live_", 24, "a Stripe live restricted key"),
        new("sk_test_", 24, "a Stripe test secret key"),
        new("ghp_", 40, "a GitHub personal access token"),
        new("gho_", 40, "a GitHub OAuth token"),
        new("ghu_", 40, "a GitHub user-to-server token"),
        new("ghs_", 40, "a GitHub server-to-server token"),
        new("ghr_", 40, "a GitHub refresh token"),
        new("github_pat_", 40, "a GitHub fine-grained token"),
        new("glpat-", 26, "a GitLab personal access token"),
        new("xoxb-", 20, "a Slack bot token"),
        new("xoxp-", 20, "a Slack user token"),
        new("xoxa-", 20, "a Slack app token"),
        new("xoxr-", 20, "a Slack refresh token"),
        new("xoxs-", 20, "a Slack session token"),
        new("AIza", 39, "a Google API key"),
        new("npm_", 40, "an npm access token"),
        new("sk-proj-", 40, "an OpenAI project key"),
    };

    private static readonly SearchValues<char> TokenChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    private static readonly SearchValues<char> Base64Chars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=");

    private static readonly SearchValues<char> UpperAlphanumeric =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <summary>
    /// True when the value is a base64 or base64url encoding of a Data Protection payload
    /// (what <c>IDataProtector.Protect</c> produces, as the authentication, session and antiforgery cookies carry).
    /// </summary>
    public static bool IsDataProtected(ReadOnlySpan<char> value)
    {
        if (value.Length < (MinimumProtectedBytes * 4 / 3) || value.ContainsAnyExcept(Base64Chars))
        {
            return false;
        }

        // The first 8 characters decode to the first 6 bytes, whatever the padding of the whole value.
        Span<byte> head = stackalloc byte[6];
        if (!TryDecodeBase64Url(value[..8], head, out var written) || written < 4)
        {
            return false;
        }

        return BinaryPrimitives.ReadUInt32BigEndian(head) == DataProtectionMagicHeader;
    }

    /// <summary>
    /// Describes the kind of secret the value structurally is, or returns null: a JSON Web Token (three or five base64url
    /// segments whose header decodes to a JSON object with "alg"), a well-known key format, a PEM private key, or a value
    /// with one of <paramref name="additionalPrefixes"/>.
    /// </summary>
    public static string? DescribeSecret(string value, IReadOnlyList<string> additionalPrefixes)
    {
        if (IsJsonWebToken(value))
        {
            return "the value is a JSON Web Token";
        }

        foreach (var format in KnownFormats)
        {
            if (value.Length >= format.MinimumLength &&
                value.StartsWith(format.Prefix, StringComparison.Ordinal) &&
                !value.AsSpan(format.Prefix.Length).ContainsAnyExcept(TokenChars))
            {
                return "the value has the form of " + format.Description;
            }
        }

        if (IsAwsAccessKeyId(value))
        {
            return "the value has the form of an AWS access key id";
        }

        if (value.Contains("-----BEGIN", StringComparison.Ordinal) && value.Contains("PRIVATE KEY", StringComparison.Ordinal))
        {
            return "the value is a PEM private key";
        }

        foreach (var prefix in additionalPrefixes)
        {
            if (value.Length >= Math.Max(16, prefix.Length + 1) && value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return "the value has a configured secret prefix";
            }
        }

        return null;
    }

    public static bool IsJsonWebToken(string value)
    {
        // A JWS has three segments, a JWE five; both start with the base64url of '{"' ("eyJ").
        if (value.Length < 10 || !value.StartsWith("eyJ", StringComparison.Ordinal))
        {
            return false;
        }

        var dots = value.AsSpan().Count('.');
        if (dots != 2 && dots != 4)
        {
            return false;
        }

        var header = value.AsSpan(0, value.IndexOf('.', StringComparison.Ordinal));
        foreach (var segment in value.Split('.'))
        {
            if (segment.AsSpan().ContainsAnyExcept(TokenChars))
            {
                return false;
            }
        }

        var buffer = new byte[(header.Length * 3 / 4) + 3];
        if (!TryDecodeBase64Url(header, buffer, out var length))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(0, length));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAlg = reader.ValueTextEquals("alg");
                if (!reader.Read())
                {
                    return false;
                }

                if (isAlg)
                {
                    return reader.TokenType == JsonTokenType.String;
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool IsAwsAccessKeyId(string value) =>
        value.Length == 20 &&
        (value.StartsWith("AKIA", StringComparison.Ordinal) || value.StartsWith("ASIA", StringComparison.Ordinal)) &&
        !value.AsSpan().ContainsAnyExcept(UpperAlphanumeric);

    /// <summary>Decodes base64 or base64url, with or without padding, into <paramref name="destination"/>.</summary>
    private static bool TryDecodeBase64Url(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        text = text.TrimEnd('=');
        var padded = (text.Length + 3) / 4 * 4;
        if (text.Length % 4 == 1 || padded > 4096)
        {
            return false;
        }

        Span<char> normalized = stackalloc char[padded];
        for (var i = 0; i < text.Length; i++)
        {
            normalized[i] = text[i] switch
            {
                '-' => '+',
                '_' => '/',
                var c => c,
            };
        }

        normalized[text.Length..].Fill('=');
        return Convert.TryFromBase64Chars(normalized, destination, out written);
    }

    private sealed record SecretFormat(string Prefix, int MinimumLength, string Description);
}
