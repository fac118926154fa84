using Microsoft.AspNetCore.Http.Features;
using StateAnalyzers.AspNetCore.Internal;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>Event ids, event names, messages from the catalogue, the meter, and the cost of a request without cookies.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public void Event_ids_are_stable_numbers_per_rule_and_action()
    {
        Assert.Equal(1010, StateGuardTelemetry.EventId(RuleIds.STATE001, GuardAction.Reported));
        Assert.Equal(1022, StateGuardTelemetry.EventId(RuleIds.STATE002, GuardAction.Dropped));
        Assert.Equal(1033, StateGuardTelemetry.EventId(RuleIds.STATE003, GuardAction.Cleared));
        Assert.Equal(1034, StateGuardTelemetry.EventId(RuleIds.STATE003, GuardAction.Failed));
        Assert.Equal(1041, StateGuardTelemetry.EventId(RuleIds.STATE004, GuardAction.Fixed));
        Assert.Equal(1051, StateGuardTelemetry.EventId(RuleIds.STATE005, GuardAction.Fixed));
        Assert.Equal(1060, StateGuardTelemetry.EventId(RuleIds.STATE006, GuardAction.Reported));
        Assert.Equal(1100, StateGuardTelemetry.EventId(RuleIds.STATE010, GuardAction.Reported));
        Assert.Equal(1101, StateGuardTelemetry.EventId(RuleIds.STATE010, GuardAction.Fixed));
    }

    [Fact]
    public async Task Each_event_carries_the_rule_ID_as_name_and_the_catalogue_message()
    {
        await using var host = await GuardHost.StartAsync(
            app => app.MapGet("/", (HttpContext c) =>
            {
                c.Response.Headers.Append("Set-Cookie", "prefs=dark");
                return "ok";
            }),
            new Dictionary<string, string?> { ["StateGuard:Mode"] = "Report" });

        await host.GetAsync("/");

        var record = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE004);
        Assert.Equal(1040, record.EventId.Id);
        Assert.Equal(LogLevel.Warning, record.Level);
        var expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, RuleCatalog.HttpOnly.Message().Format, "'prefs'", "the Set-Cookie header has no HttpOnly attribute");
        Assert.StartsWith("STATE004 reported: " + expected, record.Message, StringComparison.Ordinal);
        Assert.Equal(RuleIds.STATE004, record.Property("RuleId"));
        Assert.Equal("prefs", record.Property("CookieName"));
        Assert.Equal(LogLevel.Information, Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE006).Level);
    }

    [Fact]
    public async Task The_counter_is_tagged_with_rule_and_action()
    {
        await using var host = await GuardHost.StartAsync(app => app.MapGet("/", (HttpContext c) =>
        {
            c.Response.Cookies.Append("a", "1");
            c.Response.Cookies.Append("b", "2");
            return "ok";
        }));

        await host.GetAsync("/");
        await host.GetAsync("/");

        Assert.Equal(4, host.Metrics.Count(RuleIds.STATE004, "fixed"));
        Assert.Equal(4, host.Metrics.Count(RuleIds.STATE005, "fixed"));
        Assert.Equal(4, host.Metrics.Count(RuleIds.STATE006, "fixed"));
        Assert.Equal(12, host.Metrics.Measurements.Sum(m => m.Value));
    }

    [Fact]
    public async Task A_request_that_writes_no_cookie_allocates_nothing_in_the_middleware()
    {
        await using var host = await GuardHost.StartAsync(_ => { });
        var runtime = host.Services.GetRequiredService<StateGuardRuntime>();
        var middleware = new StateGuardMiddleware(static _ => Task.CompletedTask, runtime);

        // A server reuses its HttpContext (Kestrel does, per connection): the same object carries each request.
        var context = new DefaultHttpContext();
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            await Request(context, middleware);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var task = middleware.InvokeAsync(context);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        await task;
        Assert.Equal(0, allocated);
        Assert.IsType<GuardedResponseCookies>(context.Features.Get<IResponseCookiesFeature>());
        Assert.Empty(host.Logs.Guard);

        static async Task Request(HttpContext context, StateGuardMiddleware middleware)
        {
            context.Features.Set<IResponseCookiesFeature>(null);
            await middleware.InvokeAsync(context);
        }
    }
}
