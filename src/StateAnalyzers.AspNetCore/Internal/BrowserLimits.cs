using System.Globalization;
using Microsoft.AspNetCore.Http;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// STATE010 at run time: what RFC 6265bis makes a browser do with a cookie, silently. A <c>__Host-</c> or <c>__Secure-</c>
/// cookie (prefixes matched case-insensitively, section 5.4) without what its prefix requires is ignored (section 5.7,
/// steps 20 and 21): Enforce adds Secure and, for <c>__Host-</c>, sets <c>Path=/</c> and removes the Domain. A Max-Age or
/// an Expires more than 400 days ahead is cut to 400 days by the browser (sections 5.5, 5.6.1, 5.6.2): Enforce writes the
/// 400 days itself, so the header says what the browser will do. The prefixes and the cap are the catalogue's, which the
/// analyzer reads too. Deletes are never judged; a delete the browser would ignore is repaired by <see cref="CookieDeletes"/>
/// with the same rewrite.
/// </summary>
internal sealed class BrowserLimits
{
    private const string RootPath = "/";
    private const string ReportedOutcome = "reported only, the response is unchanged";
    private const string InTheHeader = " in the Set-Cookie header";

    private static readonly TimeSpan Cap = RuleCatalog.MaxCookieLifetime;
    private static readonly string CapSeconds = ((long)Cap.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private readonly StateGuardSettings _settings;
    private readonly StateGuardEvents _events;

    public BrowserLimits(StateGuardSettings settings, StateGuardEvents events)
    {
        _settings = settings;
        _events = events;
    }

    /// <summary>The mode of STATE010 for this cookie (Off when it is exempt).</summary>
    public StateGuardMode ModeFor(string name) => _settings.ModeFor(RuleIds.STATE010, _settings.BrowserLimits, name);

    /// <summary>What the browser would hold against typed options (mode not considered). A delete is never passed here.</summary>
    public static AttributeFixes Needed(string name, CookieOptions options, TimeProvider clock)
    {
        var needed = AttributeFixes.None;
        var host = CookieNamePrefixes.IsHost(name);
        if ((host || CookieNamePrefixes.IsSecure(name)) && !options.Secure)
        {
            needed |= AttributeFixes.PrefixSecure;
        }

        if (host && !string.IsNullOrEmpty(options.Domain))
        {
            needed |= AttributeFixes.HostDomain;
        }

        // No Path attribute at all (Path = null) is refused too: step 21 wants the attribute, not the default-path.
        if (host && options.Path != RootPath)
        {
            needed |= AttributeFixes.HostPath;
        }

        if (LifetimeOf(options, clock) > Cap)
        {
            needed |= AttributeFixes.BrowserLifetime;
        }

        return needed;
    }

    /// <summary>Makes the repairs in <paramref name="fixes"/> on <paramref name="copy"/>, a copy the caller owns.</summary>
    public static void Repair(CookieOptions copy, AttributeFixes fixes, TimeProvider clock)
    {
        copy.Secure |= (fixes & AttributeFixes.PrefixSecure) != 0;
        if ((fixes & AttributeFixes.HostDomain) != 0)
        {
            copy.Domain = null;
        }

        if ((fixes & AttributeFixes.HostPath) != 0)
        {
            copy.Path = RootPath;
        }

        if ((fixes & AttributeFixes.BrowserLifetime) != 0)
        {
            // As the header rewrite does (LifetimeCap.Rewrite): each lifetime attribute the cookie has becomes the cap.
            if (copy.MaxAge is not null)
            {
                copy.MaxAge = Cap;
            }

            if (copy.Expires is not null)
            {
                copy.Expires = clock.GetUtcNow() + Cap;
            }
        }
    }

    /// <summary>Logs and counts the typed repairs, once the cookie is written; <paramref name="given"/> is what the app wrote.</summary>
    public void ReportFixed(string name, int length, CookieOptions given, AttributeFixes fixes, TimeProvider clock)
    {
        bool? logNow = null;
        if ((fixes & AttributeFixes.PrefixSecure) != 0)
        {
            Log(ref logNow, GuardAction.Fixed, RuleCatalog.DefaultVariant, name, length, PrefixOf(name), FindingReasons.SecureNotSet, "added Secure");
        }

        if ((fixes & AttributeFixes.HostDomain) != 0)
        {
            Log(ref logNow, GuardAction.Fixed, RuleCatalog.HostCookieWithDomainVariant, name, length, null, "Domain = \"" + Shown(given.Domain) + "\"", "removed Domain");
        }

        if ((fixes & AttributeFixes.HostPath) != 0)
        {
            Log(ref logNow, GuardAction.Fixed, RuleCatalog.HostCookieWithPathVariant, name, length, null,
                given.Path is null ? "Path = null" : "Path = \"" + Shown(given.Path) + "\"", "set Path=/");
        }

        if ((fixes & AttributeFixes.BrowserLifetime) != 0)
        {
            Log(ref logNow, GuardAction.Fixed, RuleCatalog.LifetimeCappedByBrowserVariant, name, length, Durations.Describe(LifetimeOf(given, clock)!.Value),
                given.MaxAge is not null ? "MaxAge" : "Expires", "capped at 400 days");
        }
    }

    /// <summary>
    /// Whether the audit would find nothing for STATE010 in the header written with <paramref name="written"/>; the same
    /// judgement as <see cref="Audit"/>, read from the options. A delete is never passed here.
    /// </summary>
    public static bool IsClean(CookieName cookie, CookieOptions written, TimeProvider clock) =>
        cookie.BrowserLimits == StateGuardMode.Off || Needed(cookie.Name, written, clock) == AttributeFixes.None;

    /// <summary>
    /// STATE010 on one header the audit parsed (not a delete): logs what the browser would do, and in Enforce returns the
    /// header repaired. <paramref name="secureAdded"/>: STATE005 already appends Secure to this header, so the prefix has it;
    /// <paramref name="lifetimeCapped"/>: STATE009 already capped its lifetime, lower than 400 days.
    /// </summary>
    public string Audit(string header, SetCookieHeader cookie, string name, int length, DateTimeOffset now, bool secureAdded, bool lifetimeCapped)
    {
        var host = CookieNamePrefixes.IsHost(cookie.Name);
        var lacksSecure = (host || CookieNamePrefixes.IsSecure(cookie.Name)) && !cookie.Secure && !secureAdded;
        var hasDomain = host && cookie.HasDomain;
        var wrongPath = host && !cookie.PathIsRoot;
        var beyondCap = !lifetimeCapped && cookie.Lifetime > Cap;
        if (!(lacksSecure || hasDomain || wrongPath || beyondCap))
        {
            return header;
        }

        var mode = ModeFor(name);
        if (mode == StateGuardMode.Off)
        {
            return header;
        }

        var action = mode == StateGuardMode.Enforce ? GuardAction.Fixed : GuardAction.Reported;
        var fix = action == GuardAction.Fixed;
        bool? logNow = null;
        if (lacksSecure)
        {
            Log(ref logNow, action, RuleCatalog.DefaultVariant, name, length, PrefixOf(name), FindingReasons.HeaderWithoutSecure, fix ? "added Secure" : ReportedOutcome);
        }

        if (hasDomain)
        {
            Log(ref logNow, action, RuleCatalog.HostCookieWithDomainVariant, name, length, null, "Domain=" + Shown(LastAttribute(header, "domain")) + InTheHeader,
                fix ? "removed Domain" : ReportedOutcome);
        }

        if (wrongPath)
        {
            var path = LastAttribute(header, "path");
            Log(ref logNow, action, RuleCatalog.HostCookieWithPathVariant, name, length, null,
                path is null ? "no Path attribute" + InTheHeader : "Path=" + Shown(path) + InTheHeader, fix ? "set Path=/" : ReportedOutcome);
        }

        if (beyondCap)
        {
            Log(ref logNow, action, RuleCatalog.LifetimeCappedByBrowserVariant, name, length, Durations.Describe(cookie.Lifetime!.Value),
                (cookie.LifetimeFromMaxAge ? "Max-Age" : "Expires") + InTheHeader, fix ? "capped at 400 days" : ReportedOutcome);
        }

        if (!fix)
        {
            return header;
        }

        if (lacksSecure || hasDomain || wrongPath)
        {
            header = RepairPrefix(header, cookie.Name, secure: !lacksSecure);
        }

        return beyondCap ? LifetimeCap.Rewrite(header, CapSeconds, now + Cap) : header;
    }

    /// <summary>
    /// A header with what its prefix requires: Secure appended unless <paramref name="secure"/>; for <c>__Host-</c>, every
    /// Domain and Path attribute replaced by one <c>path=/</c>. Used for writes (STATE010) and deletes (<see cref="CookieDeletes"/>).
    /// </summary>
    public static string RepairPrefix(string header, ReadOnlySpan<char> name, bool secure)
    {
        if (!CookieNamePrefixes.IsHost(name))
        {
            return secure ? header : header + "; secure";
        }

        var parts = header.Split(';');
        var kept = new List<string>(parts.Length + 2) { parts[0] };
        foreach (var part in parts.AsSpan(1))
        {
            var key = KeyOf(part);
            if (!key.Equals("domain", StringComparison.OrdinalIgnoreCase) && !key.Equals("path", StringComparison.OrdinalIgnoreCase))
            {
                kept.Add(part);
            }
        }

        kept.Add(" path=/");
        if (!secure)
        {
            kept.Add(" secure");
        }

        return string.Join(';', kept);
    }

    /// <summary>An attribute value from the app, as a log line may show it: control characters escaped.</summary>
    private static string Shown(string? value) => value is null ? "(none)" : value.Length == 0 ? "(empty)" : LogText.CookieName(value);

    /// <summary>How long the options make the cookie live: Max-Age when set (the browser prefers it), else Expires from now.
    /// The clock is read only for an Expires: most cookies have no lifetime, and a clock read is not free on every machine.</summary>
    private static TimeSpan? LifetimeOf(CookieOptions options, TimeProvider clock) =>
        options.MaxAge ?? (options.Expires is { } expires ? expires - clock.GetUtcNow() : null);

    private static string PrefixOf(string name) => CookieNamePrefixes.IsHost(name) ? RuleCatalog.HostPrefix : RuleCatalog.SecurePrefix;

    private static ReadOnlySpan<char> KeyOf(string attribute)
    {
        var text = attribute.AsSpan();
        var equals = text.IndexOf('=');
        return (equals < 0 ? text : text[..equals]).Trim();
    }

    private static ReadOnlySpan<char> ValueOf(string attribute)
    {
        var equals = attribute.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? ReadOnlySpan<char>.Empty : attribute.AsSpan(equals + 1).Trim();
    }

    /// <summary>The value of the last attribute named <paramref name="key"/>, for a log line; null when there is none.</summary>
    private static string? LastAttribute(string header, string key)
    {
        string? value = null;
        var parts = header.Split(';');
        for (var i = 1; i < parts.Length; i++)
        {
            if (KeyOf(parts[i]).Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                value = ValueOf(parts[i]).ToString();
            }
        }

        return value;
    }

    private void Log(ref bool? logNow, GuardAction action, string variant, string name, int length, string? detail, string reason, string outcome) =>
        _events.BrowserLimit(ref logNow, action, variant, name, length, detail, reason, outcome);
}
