using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>The singleton the middleware, the cookie wrapper and the sign-out decorator share.</summary>
internal sealed class StateGuardRuntime
{
    /// <summary>The value of the first cookie of a chunked series: <c>chunks-N</c>.</summary>
    public const string ChunkCountPrefix = "chunks-";

    private const string ReportedOutcome = "reported only, the response is unchanged";
    private const string DroppedOutcome = "removed the cookie from the response";

    public StateGuardRuntime(
        StateGuardSettings settings,
        StateGuardEvents events,
        TimeProvider? timeProvider = null,
        SecretValues? values = null,
        AuthAndSessionCookies? lifetimeCookies = null)
    {
        Settings = settings;
        Events = events;
        Inspector = new CookieInspector(settings, values ?? new SecretValues());
        Names = new CookieNames(settings, Inspector);
        TimeProvider = timeProvider ?? TimeProvider.System;
        Lifetimes = new LifetimeCap(settings, events, lifetimeCookies ?? AuthAndSessionCookies.None);
        BrowserLimits = new BrowserLimits(settings, events);
    }

    public StateGuardSettings Settings { get; }

    public StateGuardEvents Events { get; }

    public CookieInspector Inspector { get; }

    /// <summary>What the settings say about each cookie name: look a cookie's name up once, pass the result along.</summary>
    public CookieNames Names { get; }

    public TimeProvider TimeProvider { get; }

    /// <summary>STATE009: the lifetime of the authentication and session cookies.</summary>
    public LifetimeCap Lifetimes { get; }

    /// <summary>STATE010: what a cookie's prefix requires, and the browsers' 400-day cap.</summary>
    public BrowserLimits BrowserLimits { get; }

    /// <summary>
    /// The typed fixes of the response-cookies wrapper: returns the options to write the cookie with, a fixed copy when an
    /// enforced attribute rule applies (the caller's instance, which may be shared, is never changed), and in
    /// <paramref name="fixes"/> what was added, for <see cref="ReportFixes"/> once the cookie is written. A delete is never
    /// judged (only repaired so the browser accepts it, see <see cref="CookieDeletes"/>); a cookie that the audit will drop
    /// or that is part of a chunked series is left to the audit, so it is logged once, as what finally happens to it.
    /// <paramref name="content"/> is the verdict on the content when it was judged here, for <see cref="IsClean"/>.
    /// </summary>
    public CookieOptions Prepare(HttpContext context, CookieName cookie, string value, CookieOptions options, out AttributeFixes fixes, out ContentVerdict content)
    {
        fixes = AttributeFixes.None;
        content = ContentVerdict.NotJudged;
        if (IsDelete(options))
        {
            return CookieDeletes.Repair(Settings, cookie.Name, options);
        }

        var needed = NeededFixes(context, cookie, options);
        if (needed == AttributeFixes.None || IsLeftToTheAudit(cookie, value, out content))
        {
            return options;
        }

        fixes = needed;
        var fixedOptions = new CookieOptions(options);
        fixedOptions.HttpOnly |= (needed & AttributeFixes.HttpOnly) != 0;
        fixedOptions.Secure |= (needed & AttributeFixes.Secure) != 0;
        if ((needed & AttributeFixes.SameSite) != 0)
        {
            fixedOptions.SameSite = SameSiteMode.Lax;
        }

        BrowserLimits.Repair(fixedOptions, needed, TimeProvider);
        return fixedOptions;
    }

    public bool IsDelete(CookieOptions options) =>
        (options.MaxAge is not null || options.Expires is not null) && CookieDeletes.IsDelete(options, TimeProvider.GetUtcNow());

    /// <summary>Which enforced attribute rules the options break, for this cookie name and request. Logs nothing.</summary>
    public AttributeFixes NeededFixes(HttpContext context, CookieName cookie, CookieOptions options)
    {
        var needed = AttributeFixes.None;
        if (!options.HttpOnly && cookie.HttpOnly == StateGuardMode.Enforce)
        {
            needed |= AttributeFixes.HttpOnly;
        }

        if (!options.Secure && cookie.Secure == StateGuardMode.Enforce &&
            (options.SameSite == SameSiteMode.None || Settings.SecurePolicy == StateGuardSecurePolicy.Always || context.Request.IsHttps))
        {
            needed |= AttributeFixes.Secure;
        }

        if (options.SameSite == SameSiteMode.Unspecified && cookie.SameSite == StateGuardMode.Enforce)
        {
            needed |= AttributeFixes.SameSite;
        }

        if (cookie.BrowserLimits == StateGuardMode.Enforce)
        {
            // STATE010; a Secure that STATE005 adds already gives the prefix what it requires, and a lifetime STATE009 may
            // cap (lower) is left to the audit, which caps it once, under the rule that applies.
            var limits = BrowserLimits.Needed(cookie.Name, options, TimeProvider);
            if ((needed & AttributeFixes.Secure) != 0)
            {
                limits &= ~AttributeFixes.PrefixSecure;
            }

            if ((limits & AttributeFixes.BrowserLifetime) != 0 && Lifetimes.MayCap(options, TimeProvider) && Lifetimes.Covers(cookie))
            {
                limits &= ~AttributeFixes.BrowserLifetime;
            }

            needed |= limits;
        }

        return needed;
    }

    /// <summary>Counts the fixes <see cref="Prepare"/> made, after the cookie was written (a write that throws, after the
    /// response started say, counts and logs nothing), and logs those not already logged in this period. The length is
    /// measured as the audit measures it, and only when a line is written.</summary>
    public void ReportFixes(HttpContext context, CookieName cookie, string value, AttributeFixes fixes, CookieOptions given)
    {
        var name = cookie.Name;
        var sameSiteNone = given.SameSite == SameSiteMode.None;
        var actions = Events.ForCookie(cookie);
        var length = -1;
        if ((fixes & AttributeFixes.HttpOnly) != 0 && actions.Count(RuleIds.STATE004, GuardAction.Fixed))
        {
            Events.Write(RuleIds.STATE004, GuardAction.Fixed, name, Length(), FindingReasons.HttpOnlyNotSet, "added HttpOnly");
        }

        if ((fixes & AttributeFixes.Secure) != 0 && actions.Count(RuleIds.STATE005, GuardAction.Fixed))
        {
            Events.Write(RuleIds.STATE005, GuardAction.Fixed, name, Length(), FindingReasons.SecureNotSet, "added Secure",
                sameSiteNone ? RuleCatalog.SameSiteNoneWithoutSecureVariant : RuleCatalog.DefaultVariant);
        }

        if ((fixes & AttributeFixes.SameSite) != 0 && actions.Count(RuleIds.STATE006, GuardAction.Fixed))
        {
            Events.Write(RuleIds.STATE006, GuardAction.Fixed, name, Length(), FindingReasons.SameSiteNotSet, "added SameSite=Lax");
        }

        if ((fixes & AttributeFixes.BrowserLimitFixes) != 0)
        {
            BrowserLimits.ReportFixed(name, Length(), given, fixes, TimeProvider);
        }

        int Length() => length >= 0 ? length : length = SentLength(context, name, value);
    }

    /// <summary>The length of the cookie just written, read from its header when it is the last one (as the audit reads it).</summary>
    private int SentLength(HttpContext context, string name, string value)
    {
        var values = context.Response.Headers.SetCookie;
        if (values.Count > 0 && values[values.Count - 1] is { } header &&
            SetCookieHeader.TryParse(header, default, out var cookie) && cookie.Name.SequenceEqual(name))
        {
            return CookieInspector.Size(cookie.Name, cookie.Value, valueIsEscaped: true);
        }

        return CookieInspector.Size(name, value, valueIsEscaped: false);
    }

    /// <summary>The audit decides about a cookie it will drop in Enforce, and about chunked series, which it judges whole.</summary>
    private bool IsLeftToTheAudit(CookieName cookie, string value, out ContentVerdict content)
    {
        content = ContentVerdict.NotJudged;
        if (IsChunkName(cookie.Name) || value.StartsWith(ChunkCountPrefix, StringComparison.Ordinal))
        {
            return true;
        }

        content = Content(cookie, value);
        return content == ContentVerdict.Dropped;
    }

    /// <summary>
    /// STATE002 and STATE001 on a cookie written through <c>Response.Cookies</c> (<paramref name="value"/> as given, so not
    /// yet escaped), in the modes they are on for its name: judged once per cookie, for both the typed fixes (a cookie
    /// Enforce drops is left to the audit) and <see cref="IsClean"/> (a cookie with any finding is left to the audit).
    /// </summary>
    private ContentVerdict Content(CookieName cookie, string value)
    {
        var sizeMode = cookie.OversizedCookies;
        var oversized = sizeMode != StateGuardMode.Off && Inspector.IsOversized(CookieInspector.Size(cookie.Name, value, valueIsEscaped: false));
        if (oversized && sizeMode == StateGuardMode.Enforce)
        {
            return ContentVerdict.Dropped;
        }

        var sensitiveMode = cookie.SensitiveCookies;
        if (sensitiveMode != StateGuardMode.Off && Inspector.SensitiveReason(cookie, value) is not null)
        {
            return sensitiveMode == StateGuardMode.Enforce ? ContentVerdict.Dropped : ContentVerdict.Reported;
        }

        return oversized ? ContentVerdict.Reported : ContentVerdict.Clean;
    }

    /// <summary>
    /// The audit of the final <c>Set-Cookie</c> headers, run just before the response starts: catches every cookie, however
    /// it was written (typed API, raw header, a library), judges its content and its attributes, and rewrites the header
    /// only when something is enforced.
    /// </summary>
    public void Audit(HttpContext context, List<string>? judged = null)
    {
        var headers = context.Response.Headers;
        var values = headers.SetCookie;
        if (values.Count == 0)
        {
            return;
        }

        DateTimeOffset? now = null; // read only when a header is parsed: a clock read is not free on every machine
        List<string>? rewritten = null;
        List<string>? chunked = null;
        for (var i = 0; i < values.Count; i++)
        {
            var header = values[i];
            if (header is null)
            {
                continue;
            }

            // A header the cookie wrapper wrote and judged clean is kept as it is, without parsing it again.
            var drop = false;
            var replacement = IsJudged(judged, header) ? header : AuditOne(context, values, header, now ??= TimeProvider.GetUtcNow(), ref chunked, out drop);
            if (rewritten is null && (drop || !ReferenceEquals(replacement, header)))
            {
                rewritten = new List<string>(values.Count);
                for (var j = 0; j < i; j++)
                {
                    if (values[j] is { } kept)
                    {
                        rewritten.Add(kept);
                    }
                }
            }

            if (rewritten is not null && !drop)
            {
                rewritten.Add(replacement);
            }
        }

        if (rewritten is not null)
        {
            headers.SetCookie = rewritten.Count == 0 ? StringValues.Empty : new StringValues(rewritten.ToArray());
        }
    }

    private static bool IsJudged(List<string>? judged, string header)
    {
        if (judged is null)
        {
            return false;
        }

        foreach (var clean in judged)
        {
            if (ReferenceEquals(clean, header))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the audit would leave alone the header the cookie wrapper just wrote for <paramref name="cookie"/> with
    /// <paramref name="value"/> (as given, so already decoded) and <paramref name="written"/>: the same checks as
    /// <see cref="AuditOne"/>, in the same modes, read from the options instead of parsed from the header. False when in
    /// doubt (the header is not the one written, the name could be a chunk of a series); the audit then judges it.
    /// <paramref name="content"/> is <see cref="Prepare"/>'s verdict on the content, when it judged it.
    /// </summary>
    public bool IsClean(HttpContext context, CookieName cookie, string value, string header, CookieOptions written, ContentVerdict content = ContentVerdict.NotJudged)
    {
        var name = cookie.Name;
        if (name.Length == 0 || char.IsWhiteSpace(name[0]) || char.IsWhiteSpace(name[^1]) || IsChunkName(name)
            || header.Length <= name.Length || header[name.Length] != '=' || !header.StartsWith(name, StringComparison.Ordinal))
        {
            return false;
        }

        if (content == ContentVerdict.NotJudged)
        {
            // The size as the header sends it, which Content measures from the value as given the same way.
            var end = header.IndexOf(';', name.Length);
            var headerValue = (end < 0 ? header.AsSpan(name.Length + 1) : header.AsSpan(name.Length + 1, end - name.Length - 1)).Trim();
            if (headerValue.Length >= 2 && headerValue[0] == '"' && headerValue[^1] == '"')
            {
                headerValue = headerValue[1..^1];
            }

            if (cookie.OversizedCookies != StateGuardMode.Off
                && Inspector.IsOversized(CookieInspector.Size(name, headerValue, valueIsEscaped: true)))
            {
                return false;
            }

            if (cookie.SensitiveCookies != StateGuardMode.Off && Inspector.SensitiveReason(cookie, value) is not null)
            {
                return false;
            }
        }
        else if (content != ContentVerdict.Clean)
        {
            return false;
        }

        if (!written.HttpOnly && cookie.HttpOnly != StateGuardMode.Off)
        {
            return false;
        }

        if (!written.Secure && cookie.Secure != StateGuardMode.Off
            && (written.SameSite == SameSiteMode.None || Settings.SecurePolicy == StateGuardSecurePolicy.Always || context.Request.IsHttps))
        {
            return false;
        }

        if (Lifetimes.MayCap(written, TimeProvider))
        {
            return false;
        }

        if (!IsDelete(written) && !BrowserLimits.IsClean(cookie, written, TimeProvider))
        {
            return false;
        }

        return written.SameSite != SameSiteMode.Unspecified || cookie.SameSite == StateGuardMode.Off;
    }

    /// <summary>A long run of base64 characters followed by nothing but padding: a nameless base64 value.</summary>
    private static bool IsNamelessBase64(ReadOnlySpan<char> name, ReadOnlySpan<char> value) =>
        name.Length >= 16 && value.Length <= 2 && !value.ContainsAnyExcept('=') && SecretValueShapes.IsBase64Text(name.ToString());

    /// <summary><c>XC1</c>, <c>XC2</c>...: a name a chunked series uses for its parts.</summary>
    private static bool IsChunkName(string name)
    {
        var digits = 0;
        while (digits < name.Length && char.IsAsciiDigit(name[name.Length - 1 - digits]))
        {
            digits++;
        }

        return digits > 0 && name.Length > digits + 1 && name[name.Length - 1 - digits] == 'C';
    }

    private string AuditOne(HttpContext context, StringValues values, string header, DateTimeOffset now, ref List<string>? chunked, out bool drop)
    {
        drop = false;
        if (!SetCookieHeader.TryParse(header, now, out var cookie))
        {
            return header;
        }

        var settings = Settings;
        if (cookie.IsDeletion)
        {
            return CookieDeletes.NeedsRepair(settings, cookie.Name, cookie.Secure, cookie.SameSite == SameSiteValue.None, cookie.HasDomain, cookie.PathIsRoot)
                ? CookieDeletes.Repair(settings, header, cookie.Name, cookie.Secure, cookie.HasDomain, cookie.PathIsRoot)
                : header;
        }

        var length = CookieInspector.Size(cookie.Name, cookie.Value, valueIsEscaped: true);
        var content = cookie.Value;
        var name = cookie.Name.ToString();
        if (IsNamelessBase64(cookie.Name, cookie.Value))
        {
            // "c2VjcmV0...==": the browser takes what precedes the padding as a name, but it is a value; it is judged as
            // one and never logged as a name.
            var semicolon = header.IndexOf(';', StringComparison.Ordinal);
            content = (semicolon < 0 ? header.AsSpan() : header.AsSpan(0, semicolon)).Trim();
            name = string.Empty;
        }

        // Content: STATE002 (too large) and STATE001 (a secret). Neither can be fixed, so Enforce drops the cookie.
        var named = Names.For(name);
        var sizeMode = named.OversizedCookies;
        var oversized = sizeMode != StateGuardMode.Off && Inspector.IsOversized(length);
        var sensitiveMode = named.SensitiveCookies;
        var sensitiveReason = sensitiveMode == StateGuardMode.Off ? null : SensitiveReason(values, named, content, ref chunked);
        drop = (oversized && sizeMode == StateGuardMode.Enforce) || (sensitiveReason is not null && sensitiveMode == StateGuardMode.Enforce);

        // Everything about this cookie is decided before anything is logged: a cookie that is dropped is logged as
        // dropped (and as reported by the other content rule, if both apply), never first as fixed.
        StateGuardEvents.CookieActions? actions = null;
        if (oversized)
        {
            var action = sizeMode == StateGuardMode.Enforce ? GuardAction.Dropped : GuardAction.Reported;
            if ((actions ??= Events.ForCookie(named)).Count(RuleIds.STATE002, action))
            {
                Events.Write(RuleIds.STATE002, action, name, length, "name and value are " + length + " bytes",
                    action == GuardAction.Dropped ? DroppedOutcome : ReportedOutcome);
            }
        }

        if (sensitiveReason is not null)
        {
            var action = sensitiveMode == StateGuardMode.Enforce ? GuardAction.Dropped : GuardAction.Reported;
            if ((actions ??= Events.ForCookie(named)).Count(RuleIds.STATE001, action))
            {
                Events.Write(RuleIds.STATE001, action, name, length, sensitiveReason,
                    action == GuardAction.Dropped ? DroppedOutcome : drop ? "reported; the cookie was removed by another rule" : ReportedOutcome);
            }
        }

        if (drop)
        {
            return header;
        }

        // Lifetime: STATE009. Enforce caps Max-Age / Expires of the authentication and session cookies.
        var original = header;
        header = Lifetimes.Apply(header, cookie.Lifetime, name, length, now);
        var lifetimeCapped = !ReferenceEquals(header, original);

        // Attributes: STATE004, STATE005, STATE006. Enforce appends the missing attribute.
        string? additions = null;
        var secureAdded = false;
        if (!cookie.HttpOnly)
        {
            var mode = named.HttpOnly;
            if (mode != StateGuardMode.Off)
            {
                additions = Attribute(ref actions, named, RuleIds.STATE004, RuleCatalog.DefaultVariant, mode, name, length,
                    FindingReasons.HeaderWithoutHttpOnly, "; httponly", "added HttpOnly", additions);
            }
        }

        if (!cookie.Secure)
        {
            var mode = named.Secure;
            if (mode != StateGuardMode.Off)
            {
                if (cookie.SameSite == SameSiteValue.None)
                {
                    secureAdded = mode == StateGuardMode.Enforce;
                    additions = Attribute(ref actions, named, RuleIds.STATE005, RuleCatalog.SameSiteNoneWithoutSecureVariant, mode, name, length,
                        FindingReasons.HeaderWithoutSecure, "; secure", "added Secure", additions);
                }
                else if (settings.SecurePolicy == StateGuardSecurePolicy.Always || context.Request.IsHttps)
                {
                    secureAdded = mode == StateGuardMode.Enforce;
                    additions = Attribute(ref actions, named, RuleIds.STATE005, RuleCatalog.DefaultVariant, mode, name, length,
                        FindingReasons.HeaderWithoutSecure, "; secure", "added Secure", additions);
                }
            }
        }

        if (cookie.SameSite == SameSiteValue.Unspecified)
        {
            var mode = named.SameSite;
            if (mode != StateGuardMode.Off)
            {
                additions = Attribute(ref actions, named, RuleIds.STATE006, RuleCatalog.DefaultVariant, mode, name, length,
                    FindingReasons.HeaderWithoutSameSite, "; samesite=lax", "added SameSite=Lax", additions);
            }
        }

        // STATE010, on the header with the additions: what the prefix requires, the 400-day cap (unless STATE009 capped the
        // lifetime lower already).
        // STATE009's cap, when it capped the header, is below 400 days.
        return BrowserLimits.Audit(additions is null ? header : header + additions, cookie, name, length, now, secureAdded, lifetimeCapped);
    }

    private string? Attribute(
        ref StateGuardEvents.CookieActions? actions,
        CookieName named,
        string ruleId,
        string variant,
        StateGuardMode mode,
        string name,
        int length,
        string reason,
        string attribute,
        string fixedOutcome,
        string? additions)
    {
        var action = mode == StateGuardMode.Enforce ? GuardAction.Fixed : GuardAction.Reported;
        if ((actions ??= Events.ForCookie(named)).Count(ruleId, action))
        {
            Events.Write(ruleId, action, name, length, reason, action == GuardAction.Fixed ? fixedOutcome : ReportedOutcome, variant);
        }

        return action == GuardAction.Fixed ? additions + attribute : additions;
    }

    /// <summary>
    /// STATE001 for one cookie, aware of chunked cookies (ChunkingCookieManager): <c>X=chunks-N</c> followed by
    /// <c>XC1</c> ... <c>XCN</c>. The whole series is judged as one cookie named <c>X</c> whose value is the chunks joined,
    /// as the manager reassembles it (so a Data Protection payload split into chunks stays recognized, and a token in a
    /// later chunk is found), and all its parts share one verdict.
    /// </summary>
    private string? SensitiveReason(StringValues values, CookieName cookie, ReadOnlySpan<char> value, ref List<string>? chunked)
    {
        var name = cookie.Name;
        if (value.StartsWith(ChunkCountPrefix, StringComparison.Ordinal) &&
            int.TryParse(value[ChunkCountPrefix.Length..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            (chunked ??= new List<string>()).Add(name);
            return SeriesReason(values, name);
        }

        if (chunked is not null)
        {
            foreach (var series in chunked)
            {
                if (name.Length > series.Length + 1 && name.StartsWith(series, StringComparison.Ordinal) && name[series.Length] == 'C' &&
                    int.TryParse(name.AsSpan(series.Length + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    return SeriesReason(values, series);
                }
            }
        }

        return Inspector.SensitiveReason(cookie, DecodedValue(value));
    }

    /// <summary>The verdict of a whole series: its joined value, or else any one chunk that is a secret by itself.</summary>
    private string? SeriesReason(StringValues values, string series)
    {
        var chunks = SeriesChunks(values, series);
        var joined = string.Concat(chunks);
        var named = Names.For(series);
        if (Inspector.IsDataProtected(joined))
        {
            return Inspector.SensitiveReason(named, joined);
        }

        return Inspector.SensitiveReason(named, joined)
            ?? chunks.Select(chunk => SecretValueShapes.Describe(chunk, Settings.AdditionalSecretPrefixes)).FirstOrDefault(reason => reason is not null);
    }

    /// <summary>The chunks <c>XC1</c>, <c>XC2</c>... of a series, decoded and joined in order, up to the first one missing.</summary>
    private static List<string> SeriesChunks(StringValues values, string series)
    {
        var chunks = new List<string>();
        for (var index = 1; ; index++)
        {
            var prefix = series + "C" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "=";
            string? chunk = null;
            foreach (var header in values)
            {
                if (header is not null && header.StartsWith(prefix, StringComparison.Ordinal))
                {
                    var end = header.IndexOf(';', StringComparison.Ordinal);
                    chunk = DecodedValue(end < 0 ? header.AsSpan(prefix.Length) : header.AsSpan(prefix.Length, end - prefix.Length));
                    break;
                }
            }

            if (chunk is null)
            {
                return chunks;
            }

            chunks.Add(chunk);
        }
    }

    private static string DecodedValue(ReadOnlySpan<char> value)
    {
        var text = value.ToString();
        if (!value.Contains('%'))
        {
            return text;
        }

        try
        {
            return Uri.UnescapeDataString(text);
        }
        catch (UriFormatException)
        {
            return text;
        }
    }
}

/// <summary>What <see cref="StateGuardRuntime.Prepare"/> found in a typed cookie's content (STATE001, STATE002).</summary>
internal enum ContentVerdict
{
    /// <summary>Not judged in the typed path (nothing to fix, or a chunk): <see cref="StateGuardRuntime.IsClean"/> judges it.</summary>
    NotJudged,

    /// <summary>No finding.</summary>
    Clean,

    /// <summary>A finding in Report mode: the audit reports it.</summary>
    Reported,

    /// <summary>A finding that Enforce drops: the audit drops it.</summary>
    Dropped,
}

[Flags]
internal enum AttributeFixes
{
    None = 0,
    HttpOnly = 1,
    Secure = 2,
    SameSite = 4,

    /// <summary>STATE010: Secure for a <c>__Secure-</c> or <c>__Host-</c> cookie.</summary>
    PrefixSecure = 8,

    /// <summary>STATE010: no Domain for a <c>__Host-</c> cookie.</summary>
    HostDomain = 16,

    /// <summary>STATE010: <c>Path=/</c> for a <c>__Host-</c> cookie.</summary>
    HostPath = 32,

    /// <summary>STATE010: Max-Age / Expires capped at 400 days.</summary>
    BrowserLifetime = 64,

    /// <summary>Every STATE010 repair.</summary>
    BrowserLimitFixes = PrefixSecure | HostDomain | HostPath | BrowserLifetime,
}
