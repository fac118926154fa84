using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StateAnalyzers.Tests.Infrastructure;

public class ReferenceAssembliesTests
{
    [Fact]
    public async Task HttpContext_resolves_against_the_test_references()
    {
        var references = await AspNetCoreReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create("probe", references: references);

        Assert.NotNull(compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.HttpContext"));
        Assert.NotNull(compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Http.IResponseCookies"));
        Assert.NotNull(compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.SessionOptions"));
        Assert.NotNull(compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions"));
    }
}
