using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace StateAnalyzers.Tests.Runtime;

/// <summary>
/// What STATE007 claims about ASP.NET Core, checked on a real app in the in-process test server (the machine's
/// ASP.NET Core runtime): Map* before UseSession is fine on a WebApplication, because the host adds UseEndpoints at
/// the end of the pipeline; an explicit UseEndpoints (or a terminal Run) before UseSession is not; and what the
/// ConfigureSession fix writes is a working session.
/// </summary>
public sealed class SessionPipelineOrderTests
{
    private const string NotConfigured = "Session has not been configured for this application or request";

    [Fact]
    public async Task Map_before_UseSession_on_a_WebApplication_still_runs_the_session_first()
    {
        await using var app = await StartAsync(
            services => services.AddDistributedMemoryCache().AddSession(),
            app =>
            {
                app.MapGet("/visits", CountVisit);
                app.UseSession();
            });
        var client = app.GetTestClient();

        var first = await client.GetAsync("/visits");
        var second = await SendWithCookiesAsync(client, "/visits", first);

        Assert.Equal("1", await first.Content.ReadAsStringAsync());
        Assert.Equal("2", await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UseSession_after_an_explicit_UseEndpoints_never_runs_before_the_endpoints()
    {
        await using var app = await StartAsync(
            services => services.AddDistributedMemoryCache().AddSession(),
            app =>
            {
                app.UseRouting();
#pragma warning disable ASP0014 // the explicit UseEndpoints is the point of the test
                app.UseEndpoints(endpoints => endpoints.MapGet("/visits", CountVisit));
#pragma warning restore ASP0014
                app.UseSession();
            });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.GetTestClient().GetAsync("/visits"));

        Assert.Contains(NotConfigured, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseSession_after_a_terminal_Run_never_runs()
    {
        await using var app = await StartAsync(
            services => services.AddDistributedMemoryCache().AddSession(),
            app =>
            {
                app.Run(CountVisit);
                app.UseSession();
            });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.GetTestClient().GetAsync("/visits"));

        Assert.Contains(NotConfigured, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_UseSession_the_first_session_access_throws()
    {
        await using var app = await StartAsync(
            services => services.AddDistributedMemoryCache().AddSession(),
            app => app.MapGet("/visits", CountVisit));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.GetTestClient().GetAsync("/visits"));

        Assert.Contains(NotConfigured, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_AddSession_the_session_middleware_cannot_be_created()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = await StartAsync(
                services => services.AddDistributedMemoryCache(),
                app =>
                {
                    app.UseSession();
                    app.MapGet("/visits", CountVisit);
                });
            await app.GetTestClient().GetAsync("/visits");
        });

        Assert.Contains("Microsoft.AspNetCore.Session.SessionMiddleware", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_distributed_cache_AddSession_alone_cannot_store_the_session()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var app = await StartAsync(
                services => services.AddSession(),
                app =>
                {
                    app.UseSession();
                    app.MapGet("/visits", CountVisit);
                });
            await app.GetTestClient().GetAsync("/visits");
        });

        Assert.Contains("IDistributedCache", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pipeline_the_ConfigureSession_fix_writes_keeps_a_session()
    {
        // What the fix produces for a program with routing and authorization: the cache and AddSession after the
        // registrations, UseSession after UseAuthorization and before the endpoints.
        await using var app = await StartAsync(
            services =>
            {
                services.AddRouting();
                services.AddAuthorization();
                services.AddDistributedMemoryCache();
                services.AddSession();
            },
            app =>
            {
                app.UseRouting();
                app.UseAuthorization();
                app.UseSession();
                app.MapGet("/visits", CountVisit);
            });
        var client = app.GetTestClient();

        var first = await client.GetAsync("/visits");
        var second = await SendWithCookiesAsync(client, "/visits", first);

        Assert.Equal("2", await second.Content.ReadAsStringAsync());
    }

    private static async Task CountVisit(HttpContext context)
    {
        var visits = (context.Session.GetInt32("visits") ?? 0) + 1;
        context.Session.SetInt32("visits", visits);
        await context.Response.WriteAsync(visits.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<WebApplication> StartAsync(Action<IServiceCollection> services, Action<WebApplication> pipeline)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        services(builder.Services);
        var app = builder.Build();
        pipeline(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>The test server's client keeps no cookies: send the session cookie of the earlier response back by hand.</summary>
    private static Task<HttpResponseMessage> SendWithCookiesAsync(HttpClient client, string path, HttpResponseMessage earlier)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        var cookies = earlier.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0])
            : [];
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        return client.SendAsync(request);
    }
}
