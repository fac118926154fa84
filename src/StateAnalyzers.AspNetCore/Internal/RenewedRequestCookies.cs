using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// The request's cookies with the session cookie replaced by the renewed one: set as the request's cookies when a sign-in
/// renews the session before <c>UseSession</c> ran, so the session middleware loads the new session, not the revoked one.
/// </summary>
internal sealed class RenewedRequestCookies : IRequestCookieCollection
{
    private readonly Dictionary<string, string> _cookies;

    public RenewedRequestCookies(IRequestCookieCollection original, string sessionCookieName, string sessionCookieValue)
    {
        _cookies = new Dictionary<string, string>(original, StringComparer.OrdinalIgnoreCase)
        {
            [sessionCookieName] = sessionCookieValue,
        };
    }

    public int Count => _cookies.Count;

    public ICollection<string> Keys => _cookies.Keys;

    public string? this[string key] => _cookies.TryGetValue(key, out var value) ? value : null;

    public bool ContainsKey(string key) => _cookies.ContainsKey(key);

    public bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _cookies.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _cookies.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
