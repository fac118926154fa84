using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.TestHost;

namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

/// <summary>A real ASP.NET Core app on the in-process test server, with its logs and the companion's metrics captured.</summary>
internal sealed class GuardHost : IAsyncDisposable
{
    private GuardHost(WebApplication app, LogCapture logs, MetricCapture metrics, Uri baseAddress)
    {
        App = app;
        Logs = logs;
        Metrics = metrics;
        BaseAddress = baseAddress;
    }

    public WebApplication App { get; }

    public LogCapture Logs { get; }

    public MetricCapture Metrics { get; }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => App.Services;

    /// <summary>Starts an app. <paramref name="endpoints"/> maps the routes; UseStateGuard() runs first unless told otherwise.</summary>
    public static async Task<GuardHost> StartAsync(
        Action<WebApplication> endpoints,
        IDictionary<string, string?>? configuration = null,
        Action<WebApplicationBuilder>? services = null,
        Action<StateGuardOptions>? options = null,
        Action<WebApplication>? pipeline = null,
        bool https = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        var logs = new LogCapture();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.Services.AddStateGuard(options);
        services?.Invoke(builder);

        var app = builder.Build();
        var metrics = new MetricCapture(app.Services.GetRequiredService<IMeterFactory>());
        if (pipeline is null)
        {
            app.UseStateGuard();
        }
        else
        {
            pipeline(app);
        }

        endpoints(app);
        try
        {
            await app.StartAsync();
        }
        catch
        {
            metrics.Dispose();
            await app.DisposeAsync();
            throw;
        }

        var baseAddress = new Uri(https ? "https://localhost/" : "http://localhost/");
        app.GetTestServer().BaseAddress = baseAddress;
        return new GuardHost(app, logs, metrics, baseAddress);
    }

    public HttpClient Client() => App.GetTestClient();

    public async Task<HttpResponseMessage> GetAsync(string path, CookieJar? jar = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        jar?.AddTo(request);
        var response = await Client().SendAsync(request);
        jar?.Take(response);
        return response;
    }

    public async ValueTask DisposeAsync()
    {
        Metrics.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
