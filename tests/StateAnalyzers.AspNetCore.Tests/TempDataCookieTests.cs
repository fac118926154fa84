using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>
/// The claim behind STATE011, shown on Kestrel (the test server enforces no header limits): with the default cookie
/// provider, a 10 KB list in TempData becomes several <c>.AspNetCore.Mvc.CookieTempDataProvider</c> chunk cookies, and
/// the next request that carries them exceeds a <c>MaxRequestHeadersTotalSize</c> of 8 KB: HTTP 431. With the session
/// provider the same list stays on the server and the next request succeeds.
/// </summary>
public sealed class TempDataCookieTests
{
    private const string CookieName = ".AspNetCore.Mvc.CookieTempDataProvider";
    private const int HeaderLimit = 8192;

    [Fact]
    public async Task A_large_list_in_cookie_TempData_is_chunked_and_the_next_request_gets_431()
    {
        await using var app = await StartAsync(sessionProvider: false);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.Address };

        var stored = await client.GetAsync("/tempdata/store");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

        var cookies = SetCookieHeaderValue.ParseList(stored.Headers.GetValues(HeaderNames.SetCookie).ToList());
        var chunks = cookies.Where(c => c.Name.Value!.StartsWith(CookieName, StringComparison.Ordinal)).ToList();
        Assert.True(chunks.Count >= 3, $"expected a chunk count cookie and at least two chunks, got {string.Join(", ", chunks.Select(c => c.Name.Value))}");
        Assert.Contains(chunks, c => c.Name.Value == CookieName && c.Value.Value!.StartsWith("chunks-", StringComparison.Ordinal));
        Assert.Contains(chunks, c => c.Name.Value == CookieName + "C2");

        var next = new HttpRequestMessage(HttpMethod.Get, "/tempdata/read");
        next.Headers.Add(HeaderNames.Cookie, string.Join("; ", chunks.Select(c => c.Name.Value + "=" + c.Value.Value)));
        var read = await client.SendAsync(next);

        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, read.StatusCode);
    }

    [Fact]
    public async Task The_same_list_in_session_TempData_sends_only_the_session_cookie_and_the_next_request_succeeds()
    {
        await using var app = await StartAsync(sessionProvider: true);
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = app.Address };

        var stored = await client.GetAsync("/tempdata/store");
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);

        var cookies = SetCookieHeaderValue.ParseList(stored.Headers.GetValues(HeaderNames.SetCookie).ToList());
        Assert.DoesNotContain(cookies, c => c.Name.Value!.StartsWith(CookieName, StringComparison.Ordinal));
        var session = Assert.Single(cookies);

        var next = new HttpRequestMessage(HttpMethod.Get, "/tempdata/read");
        next.Headers.Add(HeaderNames.Cookie, session.Name.Value + "=" + session.Value.Value);
        var read = await client.SendAsync(next);

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(TempDataController.Lines.ToString(System.Globalization.CultureInfo.InvariantCulture), await read.Content.ReadAsStringAsync());
    }

    private static async Task<RunningApp> StartAsync(bool sessionProvider)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Limits.MaxRequestHeadersTotalSize = HeaderLimit);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var mvc = builder.Services.AddControllersWithViews().AddApplicationPart(typeof(TempDataController).Assembly);
        if (sessionProvider)
        {
            mvc.AddSessionStateTempDataProvider();
            builder.Services.AddDistributedMemoryCache();
            builder.Services.AddSession();
        }

        var app = builder.Build();
        if (sessionProvider)
        {
            app.UseSession();
        }

        app.MapControllers();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new RunningApp(app, new Uri(address));
    }

    private sealed class RunningApp : IAsyncDisposable
    {
        private readonly WebApplication _app;

        public RunningApp(WebApplication app, Uri address)
        {
            _app = app;
            Address = address;
        }

        public Uri Address { get; }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>Puts a 10 KB list into TempData, and reads it back on the next request.</summary>
[Route("tempdata")]
public sealed class TempDataController : Controller
{
    public const int Lines = 100;

    [HttpGet("store")]
    public IActionResult Store()
    {
        TempData["Lines"] = Enumerable.Range(0, Lines).Select(i => $"line {i:D3} " + new string('x', 91)).ToList();
        return Content("stored");
    }

    [HttpGet("read")]
    public IActionResult Read() =>
        Content(TempData["Lines"] is IEnumerable<string> lines ? lines.Count().ToString(System.Globalization.CultureInfo.InvariantCulture) : "none");
}
