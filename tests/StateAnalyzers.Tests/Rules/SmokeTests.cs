using StateAnalyzers.Rules;
using StateAnalyzers.Tests.Infrastructure;

namespace StateAnalyzers.Tests.Rules;

public class SmokeTests
{
    [Fact]
    public Task Bare_append()
    {
        const string source = """
            using Microsoft.AspNetCore.Http;
            class C
            {
                void M(HttpContext context) => {|STATE004:context.Response.Cookies.Append("theme", "dark")|};
            }
            """;
        return Analyze.With<HttpOnlyCookieAnalyzer>(source).Verify();
    }
}
