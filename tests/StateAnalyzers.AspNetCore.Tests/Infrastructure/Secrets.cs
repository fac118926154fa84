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

    public static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
