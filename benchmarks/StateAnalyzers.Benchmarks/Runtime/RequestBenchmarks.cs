using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using StateAnalyzers.AspNetCore;

namespace StateAnalyzers.Benchmarks.Runtime;

/// <summary>The middleware in front of the endpoint.</summary>
public enum Pipeline
{
    /// <summary>The endpoint alone.</summary>
    Bare,

    /// <summary><c>UseCookiePolicy()</c> with HttpOnly = Always, Secure = Always, MinimumSameSitePolicy = Lax.</summary>
    CookiePolicy,

    /// <summary><c>UseStateGuard()</c> in Enforce (the default): typed fixes, then the Set-Cookie audit when the response starts.</summary>
    StateGuard,
}

/// <summary>
/// One request through a middleware pipeline built with <see cref="ApplicationBuilder"/>, in process, no network: the
/// endpoint appends <see cref="Cookies"/> cookies without options (so both middlewares have work to do), then the
/// "server" starts the response, running the OnStarting callbacks as Kestrel does. As on Kestrel, one
/// <see cref="HttpContext"/> object carries request after request, its per-request features reset in between.
/// Logging has no provider in every pipeline, so no sink's cost is measured.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(RequestRunConfig))]
public class RequestBenchmarks
{
    private static readonly string[] Names = { "theme", "cart", "visitor" };
    private static readonly string[] Values = { "dark", "b4e1c2d9", "8f3a91" };

    private RequestDelegate _app = null!;
    private ServerFeatures _server = null!;
    private DefaultHttpContext _context = null!;
    private ServiceProvider _services = null!;

    [Params(0, 1, 3)]
    public int Cookies { get; set; }

    [ParamsAllValues]
    public Pipeline Pipeline { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMetrics();
        services.AddOptions();
        if (Pipeline == Pipeline.CookiePolicy)
        {
            services.Configure<CookiePolicyOptions>(o =>
            {
                o.HttpOnly = HttpOnlyPolicy.Always;
                o.Secure = CookieSecurePolicy.Always;
                o.MinimumSameSitePolicy = SameSiteMode.Lax;
            });
        }

        if (Pipeline == Pipeline.StateGuard)
        {
            services.AddStateGuard(o => o.Mode = StateGuardMode.Enforce);
        }

        _services = services.BuildServiceProvider();
        var app = new ApplicationBuilder(_services);
        if (Pipeline == Pipeline.CookiePolicy)
        {
            app.UseCookiePolicy();
        }
        else if (Pipeline == Pipeline.StateGuard)
        {
            app.UseStateGuard();
        }

        var count = Cookies;
        app.Run(context =>
        {
            for (var i = 0; i < count; i++)
            {
                context.Response.Cookies.Append(Names[i], Values[i]);
            }

            return Task.CompletedTask;
        });
        _app = app.Build();
        _server = new ServerFeatures();
        _context = new DefaultHttpContext(_server.Features);

        // Warm the context up the way a connection's first requests do.
        for (var i = 0; i < 3; i++)
        {
            Request();
        }

        Check();
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark]
    public int Request()
    {
        _server.Reset();
        var task = _app(_context);
        if (!task.IsCompletedSuccessfully)
        {
            task.GetAwaiter().GetResult();
        }

        _server.StartResponse();
        return _context.Response.Headers.SetCookie.Count;
    }

    /// <summary>The pipelines must do what they claim: every cookie written, and with a policy, every cookie fixed.</summary>
    private void Check()
    {
        var headers = _context.Response.Headers.SetCookie;
        if (headers.Count != Cookies)
        {
            throw new InvalidOperationException($"{Pipeline}: expected {Cookies} Set-Cookie headers, found {headers.Count}");
        }

        foreach (var header in headers)
        {
            var fixedHeader = header!.Contains("httponly", StringComparison.OrdinalIgnoreCase)
                              && header.Contains("secure", StringComparison.OrdinalIgnoreCase)
                              && header.Contains("samesite=lax", StringComparison.OrdinalIgnoreCase);
            if (fixedHeader != (Pipeline != Pipeline.Bare))
            {
                throw new InvalidOperationException($"{Pipeline}: unexpected Set-Cookie header '{header}'");
            }
        }
    }

    /// <summary>What the server provides per request: a request, a response whose OnStarting callbacks it runs, a body that discards.</summary>
    private sealed class ServerFeatures
    {
        private readonly Response _response = new();

        public ServerFeatures()
        {
            Features.Set<IHttpRequestFeature>(new HttpRequestFeature { Method = "GET", Scheme = "https", Path = "/", Protocol = "HTTP/1.1" });
            Features.Set<IHttpResponseFeature>(_response);
            Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        }

        public FeatureCollection Features { get; } = new();

        /// <summary>Between two requests: what the previous one's middleware put on the context is gone, the response is new.</summary>
        public void Reset()
        {
            Features.Set<IResponseCookiesFeature>(null);
            Features.Set<ITrackingConsentFeature>(null);
            _response.Reset();
        }

        public void StartResponse() => _response.Start();
    }

    private sealed class Response : IHttpResponseFeature
    {
        private readonly List<(Func<object, Task> Callback, object State)> _onStarting = new();

        public int StatusCode { get; set; } = 200;

        public string? ReasonPhrase { get; set; }

        public IHeaderDictionary Headers { get; set; } = new HeaderDictionary();

        public Stream Body { get; set; } = Stream.Null;

        public bool HasStarted { get; private set; }

        public void OnStarting(Func<object, Task> callback, object state) => _onStarting.Add((callback, state));

        public void OnCompleted(Func<object, Task> callback, object state)
        {
        }

        public void Reset()
        {
            StatusCode = 200;
            Headers.Clear();
            HasStarted = false;
            _onStarting.Clear();
        }

        /// <summary>Runs the OnStarting callbacks, last registered first, as the server does before it sends the headers.</summary>
        public void Start()
        {
            for (var i = _onStarting.Count - 1; i >= 0; i--)
            {
                var task = _onStarting[i].Callback(_onStarting[i].State);
                if (!task.IsCompletedSuccessfully)
                {
                    task.GetAwaiter().GetResult();
                }
            }

            HasStarted = true;
        }
    }
}
