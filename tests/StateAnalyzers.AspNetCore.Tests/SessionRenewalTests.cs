using System.Net;
using StateAnalyzers.AspNetCore.Internal;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>
/// STATE008 at run time, against a real Redis on loopback: every sign-in gives the session a new id (cookie and store
/// key), the old id is dead for everyone holding it, only the kept keys come along, and the writes after the sign-in land
/// in the new session; a store that fails at the renewal never fails the sign-in.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class SessionRenewalTests
{
    private const string SessionCookie = ".AspNetCore.Session";
    private const int ConcurrentClients = 32;
    private const int WritesPerClient = 5;

    private readonly RedisFixture _redis;

    public SessionRenewalTests(RedisFixture redis) => _redis = redis;

    private static string NewInstance() => "stateguard-renewal:" + Guid.NewGuid().ToString("N") + ":";

    private static async Task<string> TextAsync(GuardHost host, string path, CookieJar jar) =>
        await (await host.GetAsync(path, jar)).Content.ReadAsStringAsync();

    [Fact]
    public async Task A_sign_in_changes_the_session_cookie_and_the_store_key_and_removes_the_old_record()
    {
        var instance = NewInstance();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance));
        var jar = new CookieJar();
        await host.GetAsync("/set?key=cart&value=book", jar);
        var cookieBefore = jar.Cookies[SessionCookie];
        var keyBefore = host.SessionKey(jar);
        Assert.Equal(new[] { instance + keyBefore }, _redis.Server.Records(instance));

        var login = await host.GetAsync("/login?user=ada", jar);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var sent = SetCookies.Single(login, SessionCookie);
        Assert.False(sent.IsDeletion);
        Assert.True(sent.HttpOnly);
        Assert.Equal("lax", sent.SameSite);
        Assert.Equal("/", sent.Attributes["path"]);
        Assert.NotEqual(cookieBefore, jar.Cookies[SessionCookie]);
        var keyAfter = host.SessionKey(jar);
        Assert.NotEqual(keyBefore, keyAfter);
        Assert.Equal(new[] { instance + keyAfter }, _redis.Server.Records(instance));
        Assert.Equal(new[] { instance + SessionRevocations.MarkerKey(keyBefore) }, _redis.Server.Markers(instance));
        var renewed = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE008);
        Assert.Equal(StateGuardTelemetry.EventId(RuleIds.STATE008, GuardAction.Renewed), renewed.EventId.Id);
        Assert.StartsWith("STATE008 renewed: Sign-in to scheme '(default)'", renewed.Message, StringComparison.Ordinal);
        Assert.Contains("the old id is revoked and its record removed from the store", renewed.Message, StringComparison.Ordinal);
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE008, "renewed"));
    }

    [Fact]
    public async Task A_session_cookie_planted_by_an_attacker_no_longer_reaches_the_victims_session_after_the_login()
    {
        var instance = NewInstance();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance));
        var attacker = new CookieJar();
        await host.GetAsync("/set?key=cart&value=planted", attacker);
        var victim = attacker.Copy(); // the attacker's session cookie, planted in the victim's browser

        Assert.Equal("signed in", await TextAsync(host, "/login?user=victim", victim));

        Assert.Equal("account of victim", await TextAsync(host, "/get?key=profile", victim));
        Assert.Equal(RenewalApp.None, await TextAsync(host, "/get?key=cart", victim));
        Assert.Equal(string.Empty, await TextAsync(host, "/keys", attacker));
        Assert.Equal(RenewalApp.None, await TextAsync(host, "/get?key=profile", attacker));

        // What the attacker writes with the planted cookie reaches nobody, and is never stored.
        await host.GetAsync("/set?key=profile&value=forged", attacker);
        Assert.Equal("account of victim", await TextAsync(host, "/get?key=profile", victim));
        Assert.Equal(new[] { instance + host.SessionKey(victim) }, _redis.Server.Records(instance));
    }

    [Fact]
    public async Task Kept_keys_survive_the_sign_in_and_the_others_do_not()
    {
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, NewInstance(), Keep: new[] { "cart", "locale" }));
        var jar = new CookieJar();
        await host.GetAsync("/set?key=cart&value=book", jar);
        await host.GetAsync("/set?key=locale&value=fr", jar);
        await host.GetAsync("/set?key=tracker&value=planted", jar);

        await host.GetAsync("/login?user=ada", jar);

        Assert.Equal("cart,locale,profile", await TextAsync(host, "/keys", jar));
        Assert.Equal("book", await TextAsync(host, "/get?key=cart", jar));
        Assert.Equal("fr", await TextAsync(host, "/get?key=locale", jar));
        Assert.Equal(RenewalApp.None, await TextAsync(host, "/get?key=tracker", jar));
        var renewed = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE008);
        Assert.Contains("carried over 2 kept keys, left 1 other key behind", renewed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_after_the_sign_in_in_the_same_request_land_in_the_new_session_also_through_a_reference_taken_before()
    {
        var instance = NewInstance();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance, Keep: new[] { "cart" }));
        var jar = new CookieJar();
        await host.GetAsync("/set?key=cart&value=book", jar);
        var old = jar.Copy();

        await host.GetAsync("/login?user=ada&item=pen", jar);

        Assert.Equal("cart,profile", await TextAsync(host, "/keys", jar));
        Assert.Equal("book,pen", await TextAsync(host, "/get?key=cart", jar));
        Assert.Equal("account of ada", await TextAsync(host, "/get?key=profile", jar));
        Assert.Equal(string.Empty, await TextAsync(host, "/keys", old));
        var record = await _redis.Server.Database.HashGetAsync(instance + host.SessionKey(jar), "data");
        Assert.Contains("account of ada", System.Text.Encoding.UTF8.GetString((byte[])record!), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_with_the_old_cookie_that_writes_after_the_sign_in_cannot_bring_the_old_session_back()
    {
        var instance = NewInstance();
        var gates = new RaceGates();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance), gates);
        var jar = new CookieJar();
        await host.GetAsync("/set?key=cart&value=planted", jar);
        var old = jar.Copy();
        var oldKey = host.SessionKey(old);
        var gate = gates.Get("race");

        var write = host.GetAsync("/slow-add?item=late&race=race", old.Copy());
        await gate.Loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("signed in", await TextAsync(host, "/login?user=ada", jar));
        gate.SignedOut.SetResult();

        Assert.Equal("added", await (await write).Content.ReadAsStringAsync());
        Assert.False(await _redis.Server.Database.KeyExistsAsync(instance + oldKey));
        Assert.Equal(string.Empty, await TextAsync(host, "/keys", old));
        Assert.Equal("profile", await TextAsync(host, "/keys", jar));
        Assert.Equal(new[] { instance + host.SessionKey(jar) }, _redis.Server.Records(instance));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Redis_down_at_the_renewal_completes_the_sign_in_and_logs_the_failure_as_STATE008(bool paused)
    {
        await using var redis = await RedisServer.StartAsync();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(redis, NewInstance()));
        var jar = new CookieJar();
        await host.GetAsync("/set?key=cart&value=book", jar);

        HttpResponseMessage login;
        if (paused)
        {
            await redis.PauseAsync();
            try
            {
                login = await host.GetAsync("/login?user=ada", jar);
            }
            finally
            {
                await redis.ResumeAsync();
            }
        }
        else
        {
            await redis.StopAsync();
            login = await host.GetAsync("/login?user=ada", jar);
        }

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("signed in", await login.Content.ReadAsStringAsync());
        Assert.False(SetCookies.Single(login, ".AspNetCore.Cookies").IsDeletion);
        Assert.False(SetCookies.Single(login, SessionCookie).IsDeletion);
        var failure = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE008);
        Assert.Equal(LogLevel.Error, failure.Level);
        Assert.Equal(StateGuardTelemetry.EventId(RuleIds.STATE008, GuardAction.Failed), failure.EventId.Id);
        Assert.StartsWith("STATE008 failed", failure.Message, StringComparison.Ordinal);
        Assert.Contains("retried in the background", failure.Message, StringComparison.Ordinal);
        Assert.NotNull(failure.Exception);
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE008, "failed"));
        Assert.DoesNotContain(host.Logs.Records, r => r.Message.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Thirty_two_clients_signing_in_and_writing_at_once_lose_no_write()
    {
        var instance = NewInstance();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance, Keep: new[] { "cart" }));
        var jars = Enumerable.Range(0, ConcurrentClients).Select(_ => new CookieJar()).ToArray();

        await Task.WhenAll(jars.Select(async (jar, client) =>
        {
            await host.GetAsync($"/add?item={client}-before", jar);
            await host.GetAsync($"/login?user=user{client}&item={client}-login", jar);
            for (var write = 0; write < WritesPerClient; write++)
            {
                await host.GetAsync($"/add?item={client}-{write}", jar);
            }
        }));

        var missing = new List<string>();
        var writes = 0;
        for (var client = 0; client < ConcurrentClients; client++)
        {
            var expected = new[] { $"{client}-before", $"{client}-login" }
                .Concat(Enumerable.Range(0, WritesPerClient).Select(write => $"{client}-{write}")).ToArray();
            var cart = (await TextAsync(host, "/get?key=cart", jars[client])).Split(',');
            writes += expected.Count(cart.Contains);
            missing.AddRange(expected.Where(item => !cart.Contains(item)));
            if (await TextAsync(host, "/get?key=profile", jars[client]) != $"account of user{client}")
            {
                missing.Add($"profile of client {client}");
            }
        }

        Assert.Empty(missing);
        Assert.Equal(ConcurrentClients * (WritesPerClient + 2), writes);
        Assert.Equal(ConcurrentClients, jars.Select(host.SessionKey).Distinct().Count());
        Assert.Equal(ConcurrentClients, _redis.Server.Records(instance).Count);
        Assert.Equal(ConcurrentClients, _redis.Server.Markers(instance).Count);
        Assert.Equal(ConcurrentClients, host.Metrics.Count(RuleIds.STATE008, "renewed"));
    }

    [Fact]
    public async Task RenewAtSignIn_false_leaves_the_session_id_and_its_data_as_they_were()
    {
        var instance = NewInstance();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance, RenewAtSignIn: false));
        var jar = new CookieJar();
        await host.GetAsync("/set?key=cart&value=book", jar);
        var keyBefore = host.SessionKey(jar);

        var login = await host.GetAsync("/login?user=ada", jar);

        Assert.DoesNotContain(SetCookies.Of(login), c => c.Name == SessionCookie);
        Assert.Equal(keyBefore, host.SessionKey(jar));
        Assert.Equal("book", await TextAsync(host, "/get?key=cart", jar));
        Assert.Empty(_redis.Server.Markers(instance));
        Assert.DoesNotContain(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE008);
    }

    [Fact]
    public async Task Report_mode_logs_the_sign_in_that_keeps_the_session_and_changes_nothing()
    {
        var instance = NewInstance();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance, Mode: "Report"));
        var jar = new CookieJar();
        await host.GetAsync("/set?key=cart&value=book", jar);
        var keyBefore = host.SessionKey(jar);

        var login = await host.GetAsync("/login?user=ada", jar);

        Assert.DoesNotContain(SetCookies.Of(login), c => c.Name == SessionCookie);
        Assert.Equal(keyBefore, host.SessionKey(jar));
        Assert.Equal("book", await TextAsync(host, "/get?key=cart", jar));
        var reported = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE008);
        Assert.Equal(StateGuardTelemetry.EventId(RuleIds.STATE008, GuardAction.Reported), reported.EventId.Id);
        Assert.Equal(LogLevel.Information, reported.Level);
        Assert.Equal(1, host.Metrics.Count(RuleIds.STATE008, "reported"));
    }

    [Fact]
    public async Task RenewSessionAsync_renews_at_a_role_elevation_outside_any_sign_in()
    {
        var instance = NewInstance();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance, RenewAtSignIn: false, Keep: new[] { "cart" }));
        var jar = new CookieJar();
        await host.GetAsync("/login?user=ada&item=book", jar);
        var keyBefore = host.SessionKey(jar);
        var old = jar.Copy();

        var elevate = await host.GetAsync("/elevate", jar);

        Assert.Equal("elevated", await elevate.Content.ReadAsStringAsync());
        Assert.NotEqual(keyBefore, host.SessionKey(jar));
        Assert.Equal("cart,role", await TextAsync(host, "/keys", jar));
        Assert.Equal(string.Empty, await TextAsync(host, "/keys", old));
        Assert.Equal(new[] { instance + host.SessionKey(jar) }, _redis.Server.Records(instance));
        var renewed = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE008);
        Assert.StartsWith("STATE008 renewed: HttpContext.RenewSessionAsync()", renewed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_before_UseSession_hands_the_new_session_to_the_session_middleware()
    {
        var instance = NewInstance();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance, Keep: new[] { "cart" }));
        var jar = new CookieJar();
        await host.GetAsync("/set?key=cart&value=book", jar);
        await host.GetAsync("/set?key=tracker&value=planted", jar);
        var keyBefore = host.SessionKey(jar);
        var old = jar.Copy();

        var callback = await host.GetAsync(RenewalApp.SingleSignOnPath, jar);

        Assert.Equal("signed in", await callback.Content.ReadAsStringAsync());
        Assert.NotEqual(keyBefore, host.SessionKey(jar));
        Assert.Equal("cart,profile", await TextAsync(host, "/keys", jar));
        Assert.Equal("book", await TextAsync(host, "/get?key=cart", jar));
        Assert.Equal(string.Empty, await TextAsync(host, "/keys", old));
        Assert.Equal(new[] { instance + host.SessionKey(jar) }, _redis.Server.Records(instance));
        var renewed = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE008);
        Assert.Contains("the sign-in ran before UseSession", renewed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_re_issued_inside_OnValidatePrincipal_is_not_a_login_and_keeps_the_session()
    {
        var instance = NewInstance();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance));
        var jar = new CookieJar();
        await host.GetAsync("/login?user=ada", jar);
        var key = host.SessionKey(jar);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/get?key=profile");
        request.Headers.Add(RenewalApp.ReissueHeader, "1");
        jar.AddTo(request);
        var response = await host.Client().SendAsync(request);
        jar.Take(response);

        Assert.Equal("account of ada", await response.Content.ReadAsStringAsync());
        Assert.Contains(SetCookies.Of(response), c => c.Name == ".AspNetCore.Cookies");
        Assert.DoesNotContain(SetCookies.Of(response), c => c.Name == SessionCookie);
        Assert.Equal(key, host.SessionKey(jar));
        Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE008);
    }

    [Fact]
    public async Task A_first_visit_login_keeps_its_never_sent_session_id()
    {
        var instance = NewInstance();
        await using var host = await RenewalApp.StartAsync(new RenewalAppSetup(_redis.Server, instance));
        var jar = new CookieJar();

        var login = await host.GetAsync("/login?user=ada", jar);

        Assert.Single(SetCookies.Of(login), c => c.Name == SessionCookie);
        Assert.Equal("account of ada", await TextAsync(host, "/get?key=profile", jar));
        Assert.Empty(_redis.Server.Markers(instance));
        var renewed = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE008);
        Assert.Contains("the request brought no session cookie", renewed.Message, StringComparison.Ordinal);
    }
}
