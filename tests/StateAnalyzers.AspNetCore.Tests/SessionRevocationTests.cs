using System.Diagnostics;
using System.Net;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>
/// STATE003 under races and store faults, against a real Redis on loopback: a signed-out session id is dead for every
/// request, the ones already running included; a sign-out completes within the store timeout whatever Redis does; a
/// sign-out before UseSession revokes the session too.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SessionRevocationTests
{
    private const int RaceTries = 50;
    private const int ConcurrentRaces = 10;
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Slack for a loaded 2-core machine on top of the store timeout; Redis's own client timeout is 5 s.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(2);

    private readonly RedisFixture _redis;

    public SessionRevocationTests(RedisFixture redis) => _redis = redis;

    private static string NewInstance() => "stateguard-revocation:" + Guid.NewGuid().ToString("N") + ":";

    [Fact]
    public async Task A_write_in_flight_during_the_sign_out_never_brings_the_session_back()
    {
        var instance = NewInstance();
        var gates = new RaceGates();
        await using var host = await RevocationApp.StartAsync(new RevocationAppSetup(_redis.Server, instance, PreloadSession: true), gates);
        var random = new Random(16);
        var delays = Enumerable.Range(0, RaceTries).Select(_ => random.Next(150, 601)).ToArray();
        var resurrections = new List<string>();

        for (var round = 0; round < RaceTries / ConcurrentRaces; round++)
        {
            var races = Enumerable.Range(round * ConcurrentRaces, ConcurrentRaces).Select(async attempt =>
            {
                var jar = new CookieJar();
                Assert.Equal("signed in", await (await host.GetAsync($"/login?cart=secret-{attempt}", jar)).Content.ReadAsStringAsync());
                var replayed = jar.Copy();
                var race = "race-" + attempt;
                var gate = gates.Get(race);

                // A loads the session, then writes after 150-600 ms; B signs out meanwhile.
                var write = host.GetAsync($"/slow-add?item=late&race={race}&delay={delays[attempt]}", jar.Copy());
                await gate.Loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
                var signOut = await host.GetAsync("/logout", jar);
                gate.SignedOut.SetResult();
                var written = await write;

                Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
                Assert.Equal(HttpStatusCode.OK, written.StatusCode);

                // The body ends when A's pipeline has run to its end, the session commit included.
                Assert.Equal("added", await written.Content.ReadAsStringAsync());
                if (await _redis.Server.Database.KeyExistsAsync(instance + host.SessionKey(replayed)))
                {
                    lock (resurrections)
                    {
                        resurrections.Add($"try {attempt}: the session's record is back in Redis");
                    }
                }

                var cart = await (await host.GetAsync("/cart", replayed)).Content.ReadAsStringAsync();
                if (cart != ShopApp.EmptyCart)
                {
                    lock (resurrections)
                    {
                        resurrections.Add($"try {attempt}: the replayed cookie got '{cart}'");
                    }
                }
            });
            await Task.WhenAll(races);
        }

        Assert.Empty(resurrections);
        Assert.Empty(_redis.Server.Records(instance));
        Assert.Equal(RaceTries, _redis.Server.Markers(instance).Count);
        Assert.Equal(RaceTries, host.Metrics.Count(RuleIds.STATE003, "cleared"));

        // Each write landed after its sign-out's removal and was removed again: the race really happened every time.
        Assert.Equal(RaceTries, host.Logs.Guard.Count(r => r.Message.Contains("wrote it back; the record was removed again", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Logout_while_Redis_is_down_completes_within_the_store_timeout_when_the_app_preloads_the_session()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = await RevocationApp.StartAsync(
            new RevocationAppSetup(redis, NewInstance(), PreloadSession: true, ClientDefaults: true));
        var jar = new CookieJar();
        await host.GetAsync("/login", jar);
        Assert.Equal("3 books", await (await host.GetAsync("/cart", jar)).Content.ReadAsStringAsync());

        await redis.StopAsync();
        var clock = Stopwatch.StartNew();
        var response = await host.GetAsync("/logout", jar);
        clock.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("signed out", await response.Content.ReadAsStringAsync());
        Assert.True(clock.Elapsed < StoreTimeout + Slack, $"the logout took {clock.Elapsed}");
        Assert.True(SetCookies.Single(response, ".AspNetCore.Cookies").IsDeletion);
        Assert.True(SetCookies.Single(response, ".AspNetCore.Session").IsDeletion);
        var failure = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE003);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal(StateGuardTelemetry.EventId(RuleIds.STATE003, GuardAction.Failed), failure.EventId.Id);
        Assert.StartsWith("STATE003 failed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("retried in the background", failure.Message, StringComparison.Ordinal);
        Assert.NotNull(failure.Exception);
        Assert.DoesNotContain(host.Logs.Records, r => r.Message.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_store_paused_at_sign_out_completes_the_logout_and_the_old_cookie_gets_an_empty_session_after_recovery()
    {
        await using var redis = await RedisServer.StartAsync();
        var instance = NewInstance();
        await using var host = await RevocationApp.StartAsync(new RevocationAppSetup(redis, instance));
        var jar = new CookieJar();
        await host.GetAsync("/login?cart=secret-cart", jar);
        var replayed = jar.Copy();

        await redis.PauseAsync();
        HttpResponseMessage response;
        var clock = Stopwatch.StartNew();
        try
        {
            response = await host.GetAsync("/logout", jar);
            clock.Stop();
        }
        finally
        {
            await redis.ResumeAsync();
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(clock.Elapsed < StoreTimeout + Slack, $"the logout took {clock.Elapsed}");
        Assert.True(SetCookies.Single(response, ".AspNetCore.Cookies").IsDeletion);
        Assert.True(SetCookies.Single(response, ".AspNetCore.Session").IsDeletion);
        Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE003 && r.Message.StartsWith("STATE003 failed", StringComparison.Ordinal));

        var retried = await WaitForAsync(() => host.Logs.Guard.Any(r =>
            r.EventId.Name == RuleIds.STATE003 && r.Message.StartsWith("STATE003 cleared", StringComparison.Ordinal) &&
            r.Message.Contains("retry", StringComparison.Ordinal)));
        Assert.True(retried, "the background retry did not revoke the session after Redis came back");
        Assert.Empty(redis.Records(instance));
        Assert.Single(redis.Markers(instance));
        Assert.Equal(ShopApp.EmptyCart, await (await host.GetAsync("/cart", replayed)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_record_that_outlives_its_sign_out_is_dead_and_removed_by_whoever_replays_its_cookie()
    {
        var instance = NewInstance();
        await using var host = await RevocationApp.StartAsync(new RevocationAppSetup(_redis.Server, instance));
        var jar = new CookieJar();
        await host.GetAsync("/login?cart=secret-cart", jar);
        var replayed = jar.Copy();
        var key = Assert.Single(_redis.Server.Records(instance));
        var record = await _redis.Server.Database.KeyDumpAsync(key);

        await host.GetAsync("/logout", jar);
        Assert.Empty(_redis.Server.Records(instance));

        // The record comes back as if its removal had failed (a store timeout at sign-out).
        await _redis.Server.Database.KeyRestoreAsync(key, record!);
        Assert.Equal(ShopApp.EmptyCart, await (await host.GetAsync("/cart", replayed)).Content.ReadAsStringAsync());
        Assert.Equal("added", await (await host.GetAsync("/add?item=pen", replayed)).Content.ReadAsStringAsync());
        Assert.Equal(ShopApp.EmptyCart, await (await host.GetAsync("/cart", replayed)).Content.ReadAsStringAsync());
        Assert.True(await WaitForAsync(() => _redis.Server.Records(instance).Count == 0), "the lingering record was not removed");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_sign_out_in_OnValidatePrincipal_revokes_the_session_in_either_middleware_order(bool authenticationBeforeSession)
    {
        var instance = NewInstance();
        await using var host = await RevocationApp.StartAsync(
            new RevocationAppSetup(_redis.Server, instance, AuthenticationBeforeSession: authenticationBeforeSession));
        var jar = new CookieJar();
        await host.GetAsync("/login?cart=secret-cart", jar);
        var replayed = jar.Copy();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/cart");
        request.Headers.Add(RevocationApp.PasswordChangedHeader, "1");
        jar.AddTo(request);
        var response = await host.Client().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ShopApp.EmptyCart, await response.Content.ReadAsStringAsync());
        Assert.True(SetCookies.Single(response, ".AspNetCore.Cookies").IsDeletion);
        Assert.True(SetCookies.Single(response, ".AspNetCore.Session").IsDeletion);
        Assert.Empty(_redis.Server.Records(instance));
        Assert.Single(_redis.Server.Markers(instance));
        var cleared = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE003);
        Assert.StartsWith("STATE003 cleared", cleared.Message, StringComparison.Ordinal);
        Assert.Equal(authenticationBeforeSession, cleared.Message.Contains("before UseSession", StringComparison.Ordinal));
        Assert.Equal(ShopApp.EmptyCart, await (await host.GetAsync("/cart", replayed)).Content.ReadAsStringAsync());
        Assert.Empty(_redis.Server.Records(instance));
    }

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return condition();
    }
}
