using System.Text;

namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

/// <summary>Values built by the tests themselves, so no real secret ever sits in the repository.</summary>
internal static class Secrets
{
    public static string Jwt(string alg = "HS256") =>
        Base64Url("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." +
        Base64Url("{\"sub\":\"42\",\"name\":\"Ada\"}") + "." +
        Base64Url("signature-bytes-signature-bytes");

    public static string GitHubToken() => "ghp_" + new string('a', 18) + new string('Z', 18);

    public static string AwsAccessKeyId() => "AKIA" + "ABCDEFGHIJ234567";

    /// <summary>The Data Protection magic header (0x09F0C9F0) and a made-up key id in front of <paramref name="payload"/>.</summary>
    public static string FakeProtected(byte[] payload) =>
        Convert.ToBase64String(new byte[] { 0x09, 0xF0, 0xC9, 0xF0 }.Concat(Guid.NewGuid().ToByteArray()).Concat(payload).ToArray())
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string FakeProtected(string text) =>
        Convert.ToBase64String(new byte[] { 0x09, 0xF0, 0xC9, 0xF0 }.Concat(Encoding.UTF8.GetBytes(text)).ToArray())
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
