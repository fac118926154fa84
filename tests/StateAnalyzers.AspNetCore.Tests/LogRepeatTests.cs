using Microsoft.Extensions.Time.Testing;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>
/// Logs are for people: the first action per rule and cookie name is logged, its repeats within
/// <c>StateGuard:LogRepeatInterval</c> are counted in the meter and summed in one line per period. Real requests through
/// the test server; the clock is a fake one that the tests advance, so nothing sleeps.
/// </summary>
public sealed class LogRepeatTests
{
    private static readonly TimeSpan Interval = StateGuardOptions.DefaultLogRepeatInterval;

    [Fact]
    public async Task A_hundred_responses_with_the_same_fixed_cookie_give_one_line_per_rule_then_one_summary_with_the_count()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Start(time, c => c.Response.Cookies.Append("prefs", "dark"));

        for (var i = 0; i < 100; i++)
        {
            Assert.True(SetCookies.Single(await host.GetAsync("/"), "prefs").HttpOnly);
        }

        var first = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE004);
        Assert.Equal(LogLevel.Information, first.Level);
        Assert.StartsWith("STATE004 fixed: ", first.Message, StringComparison.Ordinal);
        Assert.Equal(3, host.Logs.Guard.Count);
        Assert.Equal(100, host.Metrics.Count(RuleIds.STATE004, "fixed"));
        Assert.Equal(100, host.Metrics.Count(RuleIds.STATE005, "fixed"));
        Assert.Equal(100, host.Metrics.Count(RuleIds.STATE006, "fixed"));

        time.Advance(Interval - TimeSpan.FromSeconds(1));
        Assert.Equal(3, host.Logs.Guard.Count); // the period is not over

        time.Advance(TimeSpan.FromSeconds(1));
        var summary = Assert.Single(host.Logs.Guard.Skip(3), r => r.EventId.Name == RuleIds.STATE004);
        Assert.Equal("STATE004 fixed 99 more times for cookie 'prefs' in the last 5 minutes", summary.Message);
        Assert.Equal(99L, summary.Property("Repeats"));
        Assert.Equal(LogLevel.Information, summary.Level);
        Assert.Equal(1041, summary.EventId.Id);
        Assert.Equal(6, host.Logs.Guard.Count); // one summary per rule: STATE004, STATE005, STATE006
    }

    [Fact]
    public async Task A_prefixed_cookie_with_several_STATE010_findings_logs_them_all_once_then_sums_the_repeats()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Start(time, c => c.Response.Headers.Append("Set-Cookie", "__Host-x=1; domain=localhost; path=/app; secure; httponly; samesite=lax"));

        for (var i = 0; i < 10; i++)
        {
            await host.GetAsync("/");
        }

        var first = host.Logs.Guard.Where(r => r.EventId.Name == RuleIds.STATE010).ToArray();
        Assert.Equal(2, first.Length); // the Domain and the Path of the first response
        Assert.Contains(first, r => r.Message.Contains("removed Domain", StringComparison.Ordinal));
        Assert.Contains(first, r => r.Message.Contains("set Path=/", StringComparison.Ordinal));
        Assert.Equal(20, host.Metrics.Count(RuleIds.STATE010, "fixed"));

        time.Advance(Interval);
        var summary = Assert.Single(host.Logs.Guard.Skip(first.Length), r => r.EventId.Name == RuleIds.STATE010);
        Assert.Equal("STATE010 fixed 9 more times for cookie '__Host-x' in the last 5 minutes", summary.Message);
    }

    [Fact]
    public async Task A_period_without_repeats_writes_nothing_and_the_next_action_is_logged_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Start(time, c => c.Response.Cookies.Append("prefs", "dark"));

        await host.GetAsync("/");
        await host.GetAsync("/");
        time.Advance(Interval);
        Assert.Equal(6, host.Logs.Guard.Count); // three first lines, three summaries of 1

        time.Advance(Interval);
        time.Advance(Interval * 10);
        Assert.Equal(6, host.Logs.Guard.Count); // quiet: no summary of nothing

        await host.GetAsync("/");
        var again = host.Logs.Guard.Skip(6).ToArray();
        Assert.Equal(3, again.Length);
        Assert.All(again, r => Assert.Contains(" fixed: ", r.Message, StringComparison.Ordinal));
        Assert.Equal(3, host.Metrics.Count(RuleIds.STATE004, "fixed"));
    }

    [Fact]
    public async Task A_new_cookie_name_gets_its_own_first_line()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Start(time, c => c.Response.Cookies.Append(c.Request.Query["name"]!, "1"));

        for (var i = 0; i < 5; i++)
        {
            await host.GetAsync("/?name=cart");
        }

        await host.GetAsync("/?name=theme");
        await host.GetAsync("/?name=theme");

        var lines = host.Logs.Guard.Where(r => r.EventId.Name == RuleIds.STATE004).ToArray();
        Assert.Equal(new[] { "cart", "theme" }, lines.Select(r => r.Property("CookieName")));

        time.Advance(Interval);
        var summaries = host.Logs.Guard.Where(r => r.EventId.Name == RuleIds.STATE004).Skip(2).Select(r => r.Message).ToArray();
        Assert.Equal(
            new[]
            {
                "STATE004 fixed 1 more time for cookie 'theme' in the last 5 minutes",
                "STATE004 fixed 4 more times for cookie 'cart' in the last 5 minutes",
            },
            summaries.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_dropped_cookie_is_logged_once_as_dropped_never_as_fixed(bool rawHeader)
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var jwt = Secrets.Jwt();
        await using var host = await Start(time, c =>
        {
            if (rawHeader)
            {
                c.Response.Headers.Append("Set-Cookie", "sid=" + jwt + "; path=/");
            }
            else
            {
                c.Response.Cookies.Append("sid", jwt);
            }
        });

        var response = await host.GetAsync("/");

        Assert.Empty(SetCookies.Of(response));
        var line = Assert.Single(host.Logs.Guard);
        Assert.Equal(RuleIds.STATE001, line.EventId.Name);
        Assert.StartsWith("STATE001 dropped: ", line.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE001, "dropped"));
        Assert.DoesNotContain(host.Metrics.Measurements, m => m.Action == "fixed");
    }

    [Fact]
    public async Task A_secret_dropped_again_is_counted_every_time_and_summed_at_warning_level()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Start(time, c => c.Response.Cookies.Append("sid", Secrets.Jwt()));

        for (var i = 0; i < 10; i++)
        {
            Assert.Empty(SetCookies.Of(await host.GetAsync("/")));
        }

        Assert.Single(host.Logs.Guard);
        Assert.Equal(10, host.Metrics.Count(RuleIds.STATE001, "dropped"));

        time.Advance(Interval);
        var summary = host.Logs.Guard[1];
        Assert.Equal("STATE001 dropped 9 more times for cookie 'sid' in the last 5 minutes", summary.Message);
        Assert.Equal(LogLevel.Warning, summary.Level);
        Assert.Equal(1012, summary.EventId.Id);
    }

    [Fact]
    public async Task A_request_that_writes_no_cookie_logs_and_counts_nothing()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Start(time, _ => { });

        for (var i = 0; i < 10; i++)
        {
            await host.GetAsync("/");
        }

        time.Advance(Interval * 3);
        Assert.Empty(host.Logs.Guard);
        Assert.Empty(host.Metrics.Measurements);
    }

    [Fact]
    public async Task Report_mode_logs_the_first_report_and_sums_the_rest()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Start(
            time,
            c => c.Response.Headers.Append("Set-Cookie", "prefs=dark"),
            new Dictionary<string, string?> { ["StateGuard:Mode"] = "Report" });

        for (var i = 0; i < 100; i++)
        {
            Assert.Equal("prefs=dark", SetCookies.Single(await host.GetAsync("/"), "prefs").Header);
        }

        var first = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE004);
        Assert.Equal(LogLevel.Warning, first.Level);
        Assert.StartsWith("STATE004 reported: ", first.Message, StringComparison.Ordinal);
        Assert.Equal(100, host.Metrics.Count(RuleIds.STATE004, "reported"));

        time.Advance(Interval);
        var summary = Assert.Single(host.Logs.Guard.Skip(3), r => r.EventId.Name == RuleIds.STATE004);
        Assert.Equal("STATE004 reported 99 more times for cookie 'prefs' in the last 5 minutes", summary.Message);
        Assert.Equal(LogLevel.Warning, summary.Level);
    }

    [Fact]
    public async Task Counts_still_held_are_written_when_the_host_stops()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var host = await Start(time, c => c.Response.Cookies.Append("prefs", "dark"));
        for (var i = 0; i < 3; i++)
        {
            await host.GetAsync("/");
        }

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(3, host.Logs.Guard.Count);

        await host.DisposeAsync();

        var summary = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE004 && r.Property("Repeats") is not null);
        Assert.Equal("STATE004 fixed 2 more times for cookie 'prefs' in the last 30 seconds", summary.Message);
        Assert.Equal(6, host.Logs.Guard.Count);
    }

    [Fact]
    public async Task An_interval_of_zero_logs_every_action()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await Start(
            time,
            c => c.Response.Cookies.Append("prefs", "dark"),
            new Dictionary<string, string?> { ["StateGuard:LogRepeatInterval"] = "00:00:00" });

        for (var i = 0; i < 5; i++)
        {
            await host.GetAsync("/");
        }

        Assert.Equal(5, host.Logs.Guard.Count(r => r.EventId.Name == RuleIds.STATE004));
        time.Advance(Interval);
        Assert.Equal(15, host.Logs.Guard.Count);
    }

    [Fact]
    public async Task Names_beyond_the_tracked_limit_are_summed_together_without_their_names()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        const int names = 1100;
        await using var host = await Start(
            time,
            c =>
            {
                for (var i = 0; i < names; i++)
                {
                    c.Response.Headers.Append("Set-Cookie", "c" + i + "=1; secure; samesite=lax");
                }
            });

        await host.GetAsync("/");

        // 1,024 names tracked one by one, then the first action on the other names, logged under its own name.
        Assert.Equal(1025, host.Logs.Guard.Count);
        Assert.Equal(names, host.Metrics.Count(RuleIds.STATE004, "fixed"));

        time.Advance(Interval);
        var summary = Assert.Single(host.Logs.Guard.Skip(1025));
        Assert.Equal(
            "STATE004 fixed 75 more times for cookies of other names in the last 5 minutes (more than 1024 cookie names were being counted)",
            summary.Message);
    }

    private static Task<GuardHost> Start(FakeTimeProvider time, Action<HttpContext> write, IDictionary<string, string?>? configuration = null) =>
        GuardHost.StartAsync(
            app => app.MapGet("/", (HttpContext c) =>
            {
                write(c);
                return "ok";
            }),
            configuration,
            services: builder => builder.Services.AddSingleton<TimeProvider>(time));
}
