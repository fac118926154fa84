using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Session;
using Microsoft.Extensions.DependencyInjection;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>The store key of a session, read back from the request's session cookie as SessionMiddleware reads it, and
/// protected into a cookie value as SessionMiddleware writes it.</summary>
internal static class SessionCookieKey
{
    /// <summary>The Data Protection purpose SessionMiddleware protects its cookie with (its class name).</summary>
    private const string SessionCookiePurpose = nameof(SessionMiddleware);

    /// <summary>Session keys are GUIDs in their 36-character form.</summary>
    private const int SessionKeyLength = 36;

    public static string? Read(HttpContext context, string? cookieName)
    {
        if (cookieName is null || !context.Request.Cookies.TryGetValue(cookieName, out var protectedText) ||
            string.IsNullOrEmpty(protectedText))
        {
            return null;
        }

        var provider = context.RequestServices.GetService<IDataProtectionProvider>();
        if (provider is null)
        {
            return null;
        }

        try
        {
            var padding = (4 - (protectedText.Length % 4)) % 4;
            var bytes = Convert.FromBase64String(protectedText + new string('=', padding));
            var key = Encoding.UTF8.GetString(provider.CreateProtector(SessionCookiePurpose).Unprotect(bytes));
            return key.Length == SessionKeyLength ? key : null;
        }
        catch (Exception ex) when (ex is FormatException or CryptographicException)
        {
            return null; // a stale or foreign cookie: SessionMiddleware starts a new session for it
        }
    }

    /// <summary>The session cookie's value for <paramref name="key"/>, as SessionMiddleware protects it; null without Data Protection.</summary>
    public static string? Protect(HttpContext context, string key)
    {
        var provider = context.RequestServices.GetService<IDataProtectionProvider>();
        return provider is null
            ? null
            : Convert.ToBase64String(provider.CreateProtector(SessionCookiePurpose).Protect(Encoding.UTF8.GetBytes(key))).TrimEnd('=');
    }
}
