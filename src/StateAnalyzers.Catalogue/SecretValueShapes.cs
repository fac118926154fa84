using System;
using System.Collections.Generic;
using System.Text;

namespace StateAnalyzers.Catalogue;

/// <summary>
/// STATE001 by the shape of a value: the one classifier of cookie values, used by the runtime companion on every value it
/// sees and by the analyzers on constant values, so both layers call the same value a secret for the same reason.
/// Structural checks only (a JSON Web Token, a bearer token, a well-known key format, a PEM private key, a payment card
/// number that passes the Luhn check, an e-mail address, base64 of JSON with a password field, a fake Data Protection
/// payload); the value never appears in the reason.
/// </summary>
internal static class SecretValueShapes
{
    /// <summary>How base64url of the Data Protection magic header 0x09F0C9F0 begins.</summary>
    public const string DataProtectionPrefix = "CfDJ8";

    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private const int MinimumBearerTokenLength = 16;

    /// <summary>
    /// No shape fits in fewer characters: the shortest are an e-mail address (<c>a@b.cd</c>) and JSON naming a password
    /// (<c>{"pw":</c>); the others need 8 or more. Most cookie values (a theme, an id) are shorter than the checks below.
    /// </summary>
    private const int ShortestShape = 6;

    /// <summary>"-----BEGIN" and "PRIVATE KEY", which cannot overlap.</summary>
    private const int ShortestPrivateKey = 21;

    /// <summary>The configured prefixes only count on a value of at least this length.</summary>
    private const int ShortestPrefixedSecret = 16;
    /// <summary>A chunked authentication cookie can be far larger than one cookie.</summary>
    private const int MaximumDecodedLength = 256 * 1024;

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

    private static readonly int ShortestKnownFormat = Shortest(KnownFormats);

    /// <summary>What an e-mail address holds, as typed or URL-encoded by the app (<c>%40</c>).</summary>
    private static readonly char[] EmailMarks = { '@', '%' };

    /// <summary>Why the value is a secret or personal data by its shape, or null. <paramref name="value"/> is decoded text.</summary>
    public static string? Describe(string value, IReadOnlyList<string>? additionalPrefixes = null) =>
        Describe(value, additionalPrefixes, nested: false);

    /// <summary>Three (JWS) or five (JWE) base64url segments whose header decodes to a JSON object with a string "alg".</summary>
    public static bool IsJsonWebToken(string value)
    {
        if (value.Length < 10 || !value.StartsWith("eyJ", StringComparison.Ordinal))
        {
            return false;
        }

        var segments = value.Split('.');
        if (segments.Length != 3 && segments.Length != 5)
        {
            return false;
        }

        foreach (var segment in segments)
        {
            // A JWE with direct encryption has an empty key segment; the header is never empty.
            if ((segment.Length > 0 || ReferenceEquals(segment, segments[0])) && !IsTokenText(segment))
            {
                return false;
            }
        }

        var header = DecodeText(segments[0]);
        return header is not null && JsonText.HasStringMember(header, "alg");
    }

    /// <summary>Only base64 or base64url characters (padding included), at least one.</summary>
    public static bool IsBase64Text(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (TokenAlphabet.IndexOf(c) < 0 && c != '+' && c != '/' && c != '=')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Decodes base64 or base64url, with or without padding; null when the text is not that.</summary>
    public static byte[]? DecodeBase64(string text)
    {
        var trimmed = text.TrimEnd('=');
        if (trimmed.Length == 0 || trimmed.Length % 4 == 1 || trimmed.Length > MaximumDecodedLength * 4 / 3 || !IsBase64Text(trimmed))
        {
            return null;
        }

        var normalized = new StringBuilder(trimmed.Length + 3);
        foreach (var c in trimmed)
        {
            normalized.Append(c == '-' ? '+' : c == '_' ? '/' : c);
        }

        normalized.Append('=', (4 - (trimmed.Length % 4)) % 4);
        try
        {
            return Convert.FromBase64String(normalized.ToString());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Luhn-valid, 13 to 19 digits (single spaces or dashes between groups allowed), with a card network's prefix.</summary>
    public static bool IsPaymentCardNumber(string value)
    {
        // The shape first, without allocating: the runtime companion asks this of every value that starts with a digit.
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= '0' && c <= '9')
            {
                count++;
            }
            else if ((c != ' ' && c != '-') || i == 0 || i == value.Length - 1 || value[i - 1] < '0' || value[i - 1] > '9')
            {
                return false;
            }

            if (count > 19)
            {
                return false;
            }
        }

        if (count < 13)
        {
            return false;
        }

        var digits = new StringBuilder(count);
        foreach (var c in value)
        {
            if (c >= '0' && c <= '9')
            {
                digits.Append(c);
            }
        }

        var number = digits.ToString();
        return HasCardNetworkPrefix(number) && PassesLuhn(number);
    }

    /// <summary>local@domain.tld: a dot-atom local part, labels of letters, digits and hyphens, a top-level label of letters.</summary>
    public static bool IsEmailAddress(string value)
    {
        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at > 64 || value.Length > 254)
        {
            return false;
        }

        for (var i = 0; i < at; i++)
        {
            var c = value[i];
            if (!(IsAsciiLetterOrDigit(c) || "!#$%&'*+/=?^_`{|}~.-".IndexOf(c) >= 0) || (c == '.' && (i == 0 || i == at - 1 || value[i - 1] == '.')))
            {
                return false;
            }
        }

        var labels = value.Substring(at + 1).Split('.');
        if (labels.Length < 2)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length == 0 || label.Length > 63 || label[0] == '-' || label[label.Length - 1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        var top = labels[labels.Length - 1];
        if (top.Length < 2)
        {
            return false;
        }

        foreach (var c in top)
        {
            if (!IsAsciiLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string? Describe(string value, IReadOnlyList<string>? additionalPrefixes, bool nested)
    {
        var text = value.Trim();
        if (text.Length < ShortestShape)
        {
            return null;
        }

        if (IsJsonWebToken(text))
        {
            return "the value is a JSON Web Token";
        }

        if ((text[0] == 'B' || text[0] == 'b') && IsBearerToken(text))
        {
            return "the value is a bearer token";
        }

        if (text.Length >= ShortestKnownFormat)
        {
            foreach (var format in KnownFormats)
            {
                if (text.Length >= format.MinimumLength && text.StartsWith(format.Prefix, StringComparison.Ordinal) &&
                    IsTokenText(text.Substring(format.Prefix.Length)))
                {
                    return "the value has the form of " + format.Description;
                }
            }
        }

        if (IsAwsAccessKeyId(text))
        {
            return "the value has the form of an AWS access key id";
        }

        if (text.Length >= ShortestPrivateKey &&
            text.IndexOf("-----BEGIN", StringComparison.Ordinal) >= 0 && text.IndexOf("PRIVATE KEY", StringComparison.Ordinal) >= 0)
        {
            return "the value is a PEM private key";
        }

        if (text[0] >= '0' && text[0] <= '9' && IsPaymentCardNumber(text))
        {
            return "the value is a payment card number";
        }

        if (text.IndexOfAny(EmailMarks) >= 0 &&
            ((text.IndexOf('@') > 0 && IsEmailAddress(text)) ||
             (text.IndexOf("%40", StringComparison.OrdinalIgnoreCase) > 0 && IsEmailAddress(Unescape(text)))))
        {
            return "the value is an e-mail address";
        }

        if (text[0] == '{' && JsonText.PasswordMember(text) is { } jsonField)
        {
            return "the value is JSON with a password field '" + jsonField + "'";
        }

        if (!nested && MayHoldEncodedJson(text))
        {
            var posing = text.StartsWith(DataProtectionPrefix, StringComparison.Ordinal);
            if (DecodedBase64Text(text, posing ? 4 : 0) is { } decoded)
            {
                if (JsonText.PasswordMember(decoded) is { } field)
                {
                    return "the value is base64 of JSON with a password field '" + field + "'";
                }

                if (posing && Describe(decoded, null, nested: true) is { } inner)
                {
                    return "the value poses as Data Protection output but is not: " + inner;
                }
            }
        }

        if (additionalPrefixes is not null && text.Length >= ShortestPrefixedSecret)
        {
            for (var i = 0; i < additionalPrefixes.Count; i++)
            {
                var prefix = additionalPrefixes[i];
                if (text.Length >= Math.Max(ShortestPrefixedSecret, prefix.Length + 1) && text.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return "the value has a configured secret prefix";
                }
            }
        }

        return null;
    }

    /// <summary>RFC 6750: "Bearer" then a token68 of some length.</summary>
    private static bool IsBearerToken(string text)
    {
        const string Scheme = "Bearer ";
        if (text.Length < Scheme.Length + MinimumBearerTokenLength || !text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var token = text.Substring(Scheme.Length).Trim();
        if (token.Length < MinimumBearerTokenLength)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (TokenAlphabet.IndexOf(c) < 0 && ".~+/=".IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A value URL-encoded by the app itself (<c>ada%40example.org</c>), decoded once more.</summary>
    private static string Unescape(string text)
    {
        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }

    /// <summary>Base64 of <c>{"</c>, <c>{ "</c> or <c>{</c> and a line break, or the Data Protection prefix: worth decoding.</summary>
    private static bool MayHoldEncodedJson(string text) =>
        text.Length >= 8 && (text[0] == 'e' || text[0] == 'C') && (text.StartsWith("eyJ", StringComparison.Ordinal) || text.StartsWith("eyAi", StringComparison.Ordinal) ||
                             text.StartsWith("ewo", StringComparison.Ordinal) || text.StartsWith("ew0K", StringComparison.Ordinal) ||
                             text.StartsWith(DataProtectionPrefix, StringComparison.Ordinal));

    /// <summary>The value decoded from base64, after <paramref name="skip"/> bytes, when that is printable UTF-8 text.</summary>
    private static string? DecodedBase64Text(string text, int skip)
    {
        var bytes = DecodeBase64(text);
        if (bytes is null || bytes.Length <= skip)
        {
            return null;
        }

        for (var i = skip; i < bytes.Length; i++)
        {
            var b = bytes[i];
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r')
            {
                return null;
            }
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes, skip, bytes.Length - skip);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? DecodeText(string base64)
    {
        var bytes = DecodeBase64(base64);
        if (bytes is null)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool HasCardNetworkPrefix(string number)
    {
        int Prefix(int length) => int.Parse(number.Substring(0, length), System.Globalization.CultureInfo.InvariantCulture);
        var length = number.Length;
        var two = Prefix(2);
        var four = Prefix(4);
        return number[0] == '4' && length is 13 or 16 or 19 // Visa
            || (two is >= 51 and <= 55 || four is >= 2221 and <= 2720) && length == 16 // Mastercard
            || two is 34 or 37 && length == 15 // American Express
            || (four == 6011 || two == 65 || Prefix(3) is >= 644 and <= 649) && length >= 16 // Discover
            || four is >= 3528 and <= 3589 && length >= 16 // JCB
            || (two is 36 or 38 || Prefix(3) is >= 300 and <= 305) && length >= 14 // Diners Club
            || two == 62 && length >= 16; // UnionPay
    }

    private static bool PassesLuhn(string number)
    {
        var sum = 0;
        var doubled = false;
        for (var i = number.Length - 1; i >= 0; i--)
        {
            var digit = number[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum % 10 == 0;
    }

    private static bool IsAwsAccessKeyId(string value)
    {
        if (value.Length != 20 || !(value.StartsWith("AKIA", StringComparison.Ordinal) || value.StartsWith("ASIA", StringComparison.Ordinal)))
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(c >= 'A' && c <= 'Z') && !(c >= '0' && c <= '9'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsTokenText(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (TokenAlphabet.IndexOf(c) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int Shortest(SecretFormat[] formats)
    {
        var shortest = int.MaxValue;
        foreach (var format in formats)
        {
            shortest = Math.Min(shortest, format.MinimumLength);
        }

        return shortest;
    }

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || (c >= '0' && c <= '9');

    private sealed class SecretFormat
    {
        public SecretFormat(string prefix, int minimumLength, string description)
        {
            Prefix = prefix;
            MinimumLength = minimumLength;
            Description = description;
        }

        public string Prefix { get; }

        public int MinimumLength { get; }

        public string Description { get; }
    }
}
