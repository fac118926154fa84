using System.Collections.Concurrent;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// The <see cref="CookieName"/> of each cookie name seen, so that a cookie costs one look-up of its name. At most
/// <see cref="Limit"/> names are kept (cookie names can come from requests); a further name is resolved per cookie.
/// </summary>
internal sealed class CookieNames
{
    public const int Limit = 1024;

    private readonly ConcurrentDictionary<string, CookieName> _names = new(StringComparer.Ordinal);
    private readonly StateGuardSettings _settings;
    private readonly CookieInspector _inspector;

    public CookieNames(StateGuardSettings settings, CookieInspector inspector)
    {
        _settings = settings;
        _inspector = inspector;
    }

    public CookieName For(string name)
    {
        if (_names.TryGetValue(name, out var cookie))
        {
            return cookie;
        }

        cookie = new CookieName(name, _settings, _inspector.Classify(name));
        return _names.Count < Limit ? _names.GetOrAdd(name, cookie) : cookie;
    }
}
