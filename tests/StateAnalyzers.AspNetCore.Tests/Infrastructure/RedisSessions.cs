using System.Text;
using Microsoft.AspNetCore.DataProtection;
using StateAnalyzers.AspNetCore.Internal;

namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

/// <summary>What the session left in Redis: its records (one per live session id) and the revocation markers of sign-outs.</summary>
internal static class RedisSessions
{
    public static IReadOnlyList<string> Records(this RedisServer redis, string instance) =>
        redis.Keys(instance).Where(k => !k.StartsWith(instance + SessionRevocations.MarkerPrefix, StringComparison.Ordinal)).ToArray();

    public static IReadOnlyList<string> Markers(this RedisServer redis, string instance) =>
        redis.Keys(instance + SessionRevocations.MarkerPrefix);

    /// <summary>The store key the jar's session cookie protects, unprotected as SessionMiddleware does.</summary>
    public static string SessionKey(this GuardHost host, CookieJar jar)
    {
        var text = Uri.UnescapeDataString(jar.Cookies[".AspNetCore.Session"]);
        var bytes = Convert.FromBase64String(text + new string('=', (4 - (text.Length % 4)) % 4));
        var protector = host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("SessionMiddleware");
        return Encoding.UTF8.GetString(protector.Unprotect(bytes));
    }

    /// <summary>A copy of the cookies, as a thief or a second tab would replay them.</summary>
    public static CookieJar Copy(this CookieJar jar)
    {
        var copy = new CookieJar();
        using var response = new HttpResponseMessage();
        foreach (var (name, value) in jar.Cookies)
        {
            response.Headers.TryAddWithoutValidation("Set-Cookie", name + "=" + value);
        }

        copy.Take(response);
        return copy;
    }
}
