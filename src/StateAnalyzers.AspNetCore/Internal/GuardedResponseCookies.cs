using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Wraps the response-cookies feature for typed fixes: a cookie appended through <c>Response.Cookies</c> gets its missing
/// HttpOnly / Secure / SameSite added (Enforce) before it is serialized. One instance serves one <see cref="HttpContext"/>
/// object and is re-initialized for each request that object carries (servers such as Kestrel reuse contexts), so a
/// request costs no allocation here; the inner cookies are created only when the app touches <c>Response.Cookies</c>.
/// </summary>
internal sealed class GuardedResponseCookies : IResponseCookiesFeature, IResponseCookies
{
    /// <summary>What <c>ResponseCookies.Append(key, value)</c> writes with: path "/", nothing else. Never changed.</summary>
    private static readonly CookieOptions AppendDefaults = new() { Path = "/" };

    private HttpContext _context = null!;
    private StateGuardRuntime _runtime = null!;
    private IResponseCookiesFeature? _innerFeature;
    private IResponseCookies? _inner;

    /// <summary>
    /// The Set-Cookie headers this wrapper wrote in the current request and found clean (every rule that is on would leave
    /// them alone), by reference: the audit does not parse them again. Reused across requests, so it allocates only once.
    /// </summary>
    private readonly List<string> _judged = new();

    /// <summary>A chunked cookie series (<c>X=chunks-N</c>, then <c>XC1</c>...) started: the audit judges the rest as one.</summary>
    private bool _seriesStarted;

    public IResponseCookies Cookies => this;

    private IResponseCookies Inner => _inner ??= (_innerFeature ?? new ResponseCookiesFeature(_context.Features)).Cookies;

    public void Initialize(HttpContext context, StateGuardRuntime runtime, IResponseCookiesFeature? innerFeature)
    {
        _context = context;
        _runtime = runtime;
        _innerFeature = innerFeature;
        _inner = null;
        _judged.Clear();
        _seriesStarted = false;
    }

    /// <summary>The response is about to start: audit the final Set-Cookie headers.</summary>
    public Task OnStarting()
    {
        _runtime.Audit(_context, _judged);
        return Task.CompletedTask;
    }

    public void Append(string key, string value)
    {
        var cookie = _runtime.Names.For(key);
        if (!_runtime.Settings.AnyAttributeEnforced)
        {
            Inner.Append(key, value);
            Judge(cookie, value, AppendDefaults);
            return;
        }

        // Judged against the defaults of ResponseCookies.Append(key, value): one shared instance, which Prepare only
        // reads (a fix is made on a copy), so the common path allocates no options of its own.
        var written = _runtime.Prepare(_context, cookie, value, AppendDefaults, out var fixes, out var content);
        if (ReferenceEquals(written, AppendDefaults))
        {
            Inner.Append(key, value);
        }
        else
        {
            Inner.Append(key, value, written);
        }

        Written(cookie, value, AppendDefaults, written, fixes, content);
    }

    public void Append(string key, string value, CookieOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cookie = _runtime.Names.For(key);
        var fixes = AttributeFixes.None;
        var content = ContentVerdict.NotJudged;
        var written = _runtime.Settings.AnyAttributeEnforced ? _runtime.Prepare(_context, cookie, value, options, out fixes, out content) : options;
        Inner.Append(key, value, written);
        Written(cookie, value, options, written, fixes, content);
    }

    public void Append(ReadOnlySpan<KeyValuePair<string, string>> keyValuePairs, CookieOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_runtime.Settings.AnyAttributeEnforced)
        {
            var delete = _runtime.IsDelete(options);
            foreach (var pair in keyValuePairs)
            {
                if (delete
                        ? !ReferenceEquals(CookieDeletes.Repair(_runtime.Settings, pair.Key, options), options)
                        : _runtime.NeededFixes(_context, _runtime.Names.For(pair.Key), options) != AttributeFixes.None)
                {
                    // At least one cookie of the batch needs a fix or a repair (exemptions are per name): one by one.
                    foreach (var each in keyValuePairs)
                    {
                        Append(each.Key, each.Value, options);
                    }

                    return;
                }
            }
        }

        Inner.Append(keyValuePairs, options);
    }

    public void Delete(string key)
    {
        // ResponseCookies.Delete(key) writes path "/" and nothing else.
        var repaired = _runtime.Settings.AnyAttributeEnforced ? CookieDeletes.Repair(_runtime.Settings, key, AppendDefaults) : AppendDefaults;
        if (ReferenceEquals(repaired, AppendDefaults))
        {
            Inner.Delete(key);
        }
        else
        {
            Inner.Delete(key, repaired);
        }
    }

    public void Delete(string key, CookieOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Inner.Delete(key, _runtime.Settings.AnyAttributeEnforced ? CookieDeletes.Repair(_runtime.Settings, key, options) : options);
    }

    /// <summary>The cookie is in the response: its fixes are counted and logged now, and it is judged for the audit.</summary>
    private void Written(CookieName cookie, string value, CookieOptions given, CookieOptions written, AttributeFixes fixes, ContentVerdict content)
    {
        if (fixes != AttributeFixes.None)
        {
            _runtime.ReportFixes(_context, cookie, value, fixes, given);
        }

        Judge(cookie, value, written, content);
    }

    /// <summary>
    /// Judges the cookie just written where its name, value and options are in hand, so that the audit need not parse its
    /// header back: remembered when the framework's own cookies wrote it (another feature may change the header) and every
    /// rule that is on would leave it alone. Chunked series, and anything after one starts, are left to the audit.
    /// </summary>
    private void Judge(CookieName cookie, string value, CookieOptions written, ContentVerdict content = ContentVerdict.NotJudged)
    {
        if (_seriesStarted || (_innerFeature is not null && _innerFeature is not ResponseCookiesFeature))
        {
            return;
        }

        if (value.StartsWith(StateGuardRuntime.ChunkCountPrefix, StringComparison.Ordinal))
        {
            _seriesStarted = true;
            return;
        }

        var values = _context.Response.Headers.SetCookie;
        if (values.Count == 0 || values[values.Count - 1] is not { } header)
        {
            return;
        }

        if (_runtime.IsClean(_context, cookie, value, header, written, content))
        {
            _judged.Add(header);
        }
    }
}
