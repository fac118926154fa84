namespace StateAnalyzers.Tests.Infrastructure;

/// <summary>Extra files that give a test project a session the app can use.</summary>
public static class SessionSources
{
    /// <summary>
    /// A pipeline that runs the session middleware. The session cookie is sent only where it runs, so the session
    /// builder's findings (STATE004-006 on <c>AddSession</c>) need it in a project that has no host of its own.
    /// </summary>
    public const string RunsSessionMiddleware = """
        using Microsoft.AspNetCore.Builder;
        public static class SessionPipelineSetup
        {
            public static IApplicationBuilder UseShopSession(this IApplicationBuilder app) => app.UseSession();
        }
        """;
}
