using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>Which cookie a STATE009 lifetime belongs to.</summary>
internal enum LifetimeCookieKind
{
    /// <summary>Neither the authentication nor the session cookie: STATE009 leaves it alone.</summary>
    None,

    /// <summary>The cookie of a cookie authentication scheme, or a chunk of it.</summary>
    Authentication,

    /// <summary>The session middleware's cookie.</summary>
    Session,
}

/// <summary>
/// The names of the app's authentication and session cookies, read from the options the framework writes them with, not
/// guessed from a name: <c>Cookie.Name</c> of every registered scheme whose handler is the cookie authentication handler
/// (<c>.AspNetCore.&lt;scheme&gt;</c> unless set, Identity's included), with the chunks <c>XC1</c>, <c>XC2</c>... the chunking
/// cookie manager splits a large one into, and <c>SessionOptions.Cookie.Name</c> (the name the session middleware writes,
/// <c>.AspNetCore.Session</c> unless set). The names
/// are gathered on first use and again when the schemes or those options change.
/// </summary>
internal sealed class AuthAndSessionCookies
{
    /// <summary>For a runtime without services (no authentication, no session): no cookie is either.</summary>
    public static readonly AuthAndSessionCookies None = new(null);

    private readonly IServiceProvider? _services;
    private readonly IAuthenticationSchemeProvider? _schemes;
    private readonly IOptionsMonitor<CookieAuthenticationOptions>? _cookieOptions;
    private volatile Names? _names;

    public AuthAndSessionCookies(IServiceProvider? services)
    {
        _services = services;
        _schemes = services?.GetService<IAuthenticationSchemeProvider>();
        _cookieOptions = services?.GetService<IOptionsMonitor<CookieAuthenticationOptions>>();
        _cookieOptions?.OnChange((_, _) => _names = null);
    }

    public LifetimeCookieKind KindOf(string name)
    {
        if (_services is null || name.Length == 0)
        {
            return LifetimeCookieKind.None;
        }

        var schemes = CurrentSchemes();
        var names = _names;
        if (names is null || !ReferenceEquals(names.Schemes, schemes))
        {
            _names = names = Gather(schemes);
        }

        if (name == names.Session)
        {
            return LifetimeCookieKind.Session;
        }

        return names.Authentication.Contains(name) || names.Authentication.Contains(ChunkedName(name))
            ? LifetimeCookieKind.Authentication
            : LifetimeCookieKind.None;
    }

    /// <summary><c>XC12</c> is a chunk of <c>X</c>; any other name is returned as it is.</summary>
    private static string ChunkedName(string name)
    {
        var end = name.Length;
        while (end > 0 && char.IsAsciiDigit(name[end - 1]))
        {
            end--;
        }

        return end < name.Length && end > 1 && name[end - 1] == 'C' ? name[..(end - 1)] : name;
    }

    /// <summary>
    /// The schemes as the scheme provider has them now (the default provider answers at once, with the same instance until
    /// a scheme is added or removed), else as they were registered.
    /// </summary>
    private object CurrentSchemes()
    {
        var all = _schemes?.GetAllSchemesAsync();
        return all is { IsCompletedSuccessfully: true }
            ? all.Result
            : _services!.GetRequiredService<IOptions<AuthenticationOptions>>().Value.Schemes;
    }

    private Names Gather(object schemes)
    {
        var handlers = schemes switch
        {
            IEnumerable<AuthenticationScheme> provided => provided.Select(s => (s.Name, s.HandlerType)),
            IEnumerable<AuthenticationSchemeBuilder> registered => registered.Select(s => (s.Name, HandlerType: s.HandlerType!)),
            _ => Enumerable.Empty<(string Name, Type HandlerType)>(),
        };
        var authentication = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (scheme, handler) in handlers)
        {
            if (handler is not null && typeof(CookieAuthenticationHandler).IsAssignableFrom(handler) &&
                _cookieOptions?.Get(scheme).Cookie.Name is { Length: > 0 } cookie)
            {
                authentication.Add(cookie);
            }
        }

        var session = _services!.GetService<IOptions<SessionOptions>>()?.Value.Cookie.Name;
        return new Names(schemes, authentication, session);
    }

    private sealed record Names(object Schemes, HashSet<string> Authentication, string? Session);
}
