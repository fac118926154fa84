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

    public IResponseCookies Cookies => this;

    private IResponseCookies Inner => _inner ??= (_innerFeature ?? new ResponseCookiesFeature(_context.Features)).Cookies;

    public void Initialize(HttpContext context, StateGuardRuntime runtime, IResponseCookiesFeature? innerFeature)
    {
        _context = context;
        _runtime = runtime;
        _innerFeature = innerFeature;
        _inner = null;
    }

    /// <summary>The response is about to start: audit the final Set-Cookie headers.</summary>
    public Task OnStarting()
    {
        _runtime.Audit(_context);
        return Task.CompletedTask;
    }

    public void Append(string key, string value)
    {
        if (!_runtime.Settings.AnyAttributeEnforced)
        {
            Inner.Append(key, value);
            return;
        }

        // Judged against the defaults of ResponseCookies.Append(key, value): one shared instance, which FixOptions only
        // reads (a fix is made on a copy), so the common path allocates no options of its own.
        var fixedOptions = _runtime.FixOptions(_context, key, value, AppendDefaults);
        if (ReferenceEquals(fixedOptions, AppendDefaults))
        {
            Inner.Append(key, value);
        }
        else
        {
            Inner.Append(key, value, fixedOptions);
        }
    }

    public void Append(string key, string value, CookieOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Inner.Append(key, value, _runtime.Settings.AnyAttributeEnforced ? _runtime.FixOptions(_context, key, value, options) : options);
    }

    public void Append(ReadOnlySpan<KeyValuePair<string, string>> keyValuePairs, CookieOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (_runtime.Settings.AnyAttributeEnforced)
        {
            foreach (var pair in keyValuePairs)
            {
                if (_runtime.NeededFixes(_context, pair.Key, options) != AttributeFixes.None)
                {
                    // At least one cookie of the batch needs a fix (exemptions are per name): append one by one.
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

    public void Delete(string key) => Inner.Delete(key);

    public void Delete(string key, CookieOptions options) => Inner.Delete(key, options);
}
