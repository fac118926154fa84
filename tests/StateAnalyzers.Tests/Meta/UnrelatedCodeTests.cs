using Microsoft.CodeAnalysis.Testing;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// Every analyzer, run where it has nothing to find, reports nothing and throws nothing. An exception counts as a
/// failure even though the compiler would only turn it into an AD0001 warning.
/// </summary>
public class UnrelatedCodeTests
{
    /// <summary>OWIN-style code with the same shape as ASP.NET Core's (PITFALLS 12): only symbols may decide.</summary>
    private const string LookAlikeWithoutAspNetCore = """
        using System.Collections.Generic;

        namespace Owin.LookAlike
        {
            public sealed class CookieOptions { public bool HttpOnly { get; set; } public bool Secure { get; set; } }

            public sealed class ResponseCookies
            {
                public void Append(string key, string value) { }
                public void Append(string key, string value, CookieOptions options) { }
            }

            public sealed class Response
            {
                public ResponseCookies Cookies { get; } = new ResponseCookies();
                public Dictionary<string, string> Headers { get; } = new Dictionary<string, string>();
            }

            public static class Controller
            {
                public static void Login(Response response, string password, string token)
                {
                    response.Cookies.Append("password", password);
                    response.Cookies.Append("auth_token", token, new CookieOptions { HttpOnly = false });
                    response.Headers["Set-Cookie"] = "session=" + token;
                }
            }
        }
        """;

    [Theory]
    [MemberData(nameof(ShippedAnalyzers.TypeNames), MemberType = typeof(ShippedAnalyzers))]
    public Task Every_analyzer_is_silent_on_an_empty_source(string analyzer) =>
        AssertSilent(analyzer, AspNetCoreReferences.Net80, string.Empty);

    [Theory]
    [MemberData(nameof(ShippedAnalyzers.TypeNames), MemberType = typeof(ShippedAnalyzers))]
    public Task Every_analyzer_is_silent_on_an_empty_source_without_AspNetCore(string analyzer) =>
        AssertSilent(analyzer, ReferenceAssemblies.Net.Net80, string.Empty);

    [Theory]
    [MemberData(nameof(ShippedAnalyzers.TypeNames), MemberType = typeof(ShippedAnalyzers))]
    public Task Every_analyzer_is_silent_on_look_alike_code_without_AspNetCore(string analyzer) =>
        AssertSilent(analyzer, ReferenceAssemblies.Net.Net80, LookAlikeWithoutAspNetCore);

    private static async Task AssertSilent(string analyzer, ReferenceAssemblies references, string source)
    {
        var run = await AnalyzerRun.RunAsync([ShippedAnalyzers.Create(analyzer)], references, source);

        Assert.True(run.CompilerErrors.IsEmpty, "the probe source does not compile:\n" + run.Describe(run.CompilerErrors));
        Assert.True(run.Exceptions.Count == 0, "the analyzer threw:\n" + string.Join("\n", run.Exceptions));
        Assert.True(run.Diagnostics.IsEmpty, "the analyzer reported:\n" + run.Describe(run.Diagnostics));
    }
}
