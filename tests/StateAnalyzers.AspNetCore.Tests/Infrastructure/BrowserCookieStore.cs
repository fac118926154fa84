using System.Globalization;
using System.Text;

namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

/// <summary>One cookie in <see cref="BrowserCookieStore"/>: the fields of RFC 6265bis section 5.7.</summary>
internal sealed record StoredCookie(
    string Name,
    string Value,
    DateTimeOffset ExpiryTime,
    string Domain,
    string Path,
    DateTimeOffset CreationTime,
    bool PersistentFlag,
    bool HostOnlyFlag,
    bool SecureOnlyFlag,
    bool HttpOnlyFlag,
    string SameSiteFlag);

/// <summary>What became of one Set-Cookie header: stored, or ignored at the named step (<c>5.7 step 21</c>).</summary>
internal sealed record ReceivedOutcome(StoredCookie? Stored, string? IgnoredAt)
{
    public override string ToString() => Stored is not null ? "stored " + Stored : "ignored at " + IgnoredAt;
}

/// <summary>
/// A browser's cookie store for the tests, written from the user-agent requirements of RFC 6265bis
/// (draft-ietf-httpbis-rfc6265bis, latest draft): section 5.6 "The Set-Cookie Header Field" (parsing, with 5.6.1 to
/// 5.6.7 for the attributes), 5.7 "Storage Model", and the subcomponent algorithms they call (5.1.1 dates, 5.1.3 domain
/// matching, 5.1.4 default-path), step by step, each step commented with its number. It shares no code with the
/// companion, so what it accepts is what a conforming browser accepts, not what the companion believes.
/// What the tests never exercise is stated where the step is: no public suffix list (5.7 step 9), no non-HTTP API
/// (steps 15, 18.1), every request same-site (step 18).
/// </summary>
internal sealed class BrowserCookieStore
{
    /// <summary>Section 5.5: the limit SHOULD NOT be greater than 400 days (34560000 seconds); 400 is RECOMMENDED.</summary>
    public static readonly TimeSpan CookieAgeLimit = TimeSpan.FromSeconds(34560000);

    private const int MaxNameValueOctets = 4096;
    private const int MaxAttributeValueOctets = 1024;

    private readonly List<StoredCookie> _store = new();

    /// <param name="now">The store's current date and time, fixed, so that every expiry it computes is exact.</param>
    public BrowserCookieStore(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; }

    /// <summary>The cookies in the store; expired ones are evicted at once, as section 5.7 requires.</summary>
    public IReadOnlyList<StoredCookie> Cookies => _store;

    /// <summary>Receives every Set-Cookie header of a response to a request for <paramref name="requestUri"/>.</summary>
    public IReadOnlyList<ReceivedOutcome> Receive(Uri requestUri, HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => Receive(requestUri, v)).ToArray()
            : Array.Empty<ReceivedOutcome>();

    /// <summary>Section 5.6: parses one set-cookie-string, then section 5.7 receives the cookie.</summary>
    public ReceivedOutcome Receive(Uri requestUri, string setCookieString)
    {
        // 5.6 step 1: a CTL character other than HTAB: ignore the set-cookie-string entirely.
        if (setCookieString.Any(IsCtlExceptHtab))
        {
            return Ignored("5.6 step 1");
        }

        // 5.6 step 2: the name-value-pair is everything up to the first ';', the unparsed-attributes the rest (';' included).
        var semicolon = setCookieString.IndexOf(';', StringComparison.Ordinal);
        var nameValuePair = semicolon < 0 ? setCookieString : setCookieString[..semicolon];
        var unparsedAttributes = semicolon < 0 ? string.Empty : setCookieString[semicolon..];

        // 5.6 step 3: without '=', the name is empty and the value is the whole pair; else split at the first '='.
        var equals = nameValuePair.IndexOf('=', StringComparison.Ordinal);
        var nameString = equals < 0 ? string.Empty : nameValuePair[..equals];
        var valueString = equals < 0 ? nameValuePair : nameValuePair[(equals + 1)..];

        // 5.6 step 4: remove leading and trailing WSP.
        nameString = TrimWsp(nameString);
        valueString = TrimWsp(valueString);

        // 5.6 step 5: name and value together over 4096 octets: ignore the set-cookie-string entirely.
        if (Octets(nameString) + Octets(valueString) > MaxNameValueOctets)
        {
            return Ignored("5.6 step 5");
        }

        // 5.6 step 6: the cookie-name and cookie-value.
        var attributes = new List<(string Name, object Value)>();
        ParseAttributes(requestUri, unparsedAttributes, attributes);
        return ReceiveCookie(requestUri, nameString, valueString, attributes);
    }

    /// <summary>Section 5.6, the algorithm that parses the unparsed-attributes into the cookie-attribute-list.</summary>
    private void ParseAttributes(Uri requestUri, string unparsedAttributes, List<(string Name, object Value)> cookieAttributeList)
    {
        while (true)
        {
            // Step 1: nothing left: done.
            if (unparsedAttributes.Length == 0)
            {
                return;
            }

            // Step 2: discard the first character (a ';').
            unparsedAttributes = unparsedAttributes[1..];

            // Step 3: consume up to the next ';' (or the rest): the cookie-av string.
            var next = unparsedAttributes.IndexOf(';', StringComparison.Ordinal);
            var cookieAv = next < 0 ? unparsedAttributes : unparsedAttributes[..next];
            unparsedAttributes = next < 0 ? string.Empty : unparsedAttributes[next..];

            // Step 4: attribute-name and attribute-value, split at the first '='.
            var equals = cookieAv.IndexOf('=', StringComparison.Ordinal);
            var attributeName = equals < 0 ? cookieAv : cookieAv[..equals];
            var attributeValue = equals < 0 ? string.Empty : cookieAv[(equals + 1)..];

            // Step 5: remove leading and trailing WSP.
            attributeName = TrimWsp(attributeName);
            attributeValue = TrimWsp(attributeValue);

            // Step 6: an attribute-value over 1024 octets: ignore the cookie-av.
            if (Octets(attributeValue) > MaxAttributeValueOctets)
            {
                continue;
            }

            // Step 7: process it by its name (5.6.1 to 5.6.7); unrecognized names are ignored. Step 8: loop.
            ProcessAttribute(requestUri, attributeName, attributeValue, cookieAttributeList);
        }
    }

    private void ProcessAttribute(Uri requestUri, string attributeName, string attributeValue, List<(string Name, object Value)> list)
    {
        if (Is(attributeName, "Expires"))
        {
            // 5.6.1 step 1: parse the attribute-value as a cookie-date (5.1.1). Step 2: if that fails, ignore the cookie-av.
            if (ParseCookieDate(attributeValue) is not { } expiryTime)
            {
                return;
            }

            // 5.6.1 step 3: the cookie-age-limit (400 days in the future, section 5.5).
            var cookieAgeLimit = Now + CookieAgeLimit;

            // 5.6.1 step 4: an expiry-time after the limit MUST be set to the limit.
            if (expiryTime > cookieAgeLimit)
            {
                expiryTime = cookieAgeLimit;
            }

            // 5.6.1 step 5 (MAY replace a date earlier than representable) is moot: DateTimeOffset holds year 1601.
            // 5.6.1 step 6: append Expires with the expiry-time.
            list.Add(("Expires", expiryTime));
        }
        else if (Is(attributeName, "Max-Age"))
        {
            // 5.6.2 step 1: empty: ignore the cookie-av.
            if (attributeValue.Length == 0)
            {
                return;
            }

            // 5.6.2 step 2: the first character is neither a DIGIT nor a '-' followed by a DIGIT: ignore the cookie-av.
            var negative = attributeValue[0] == '-';
            if (!(char.IsAsciiDigit(attributeValue[0]) || (negative && attributeValue.Length > 1 && char.IsAsciiDigit(attributeValue[1]))))
            {
                return;
            }

            // 5.6.2 step 3: the remainder contains a non-DIGIT: ignore the cookie-av.
            if (!attributeValue[1..].All(char.IsAsciiDigit))
            {
                return;
            }

            // 5.6.2 step 4: delta-seconds, as a base 10 integer (saturated: any value past the limit is capped below).
            var deltaSeconds = decimal.TryParse(attributeValue, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : negative ? decimal.MinValue : decimal.MaxValue;

            // 5.6.2 step 5: the cookie-age-limit (400 days or less, section 5.5).
            var cookieAgeLimit = (decimal)CookieAgeLimit.TotalSeconds;

            // 5.6.2 step 6: delta-seconds becomes the smaller of itself and the limit.
            deltaSeconds = Math.Min(deltaSeconds, cookieAgeLimit);

            // 5.6.2 step 7: zero or less is the earliest representable date; else now plus delta-seconds.
            var expiryTime = deltaSeconds <= 0 ? DateTimeOffset.MinValue : Now.AddSeconds((double)deltaSeconds);

            // 5.6.2 step 8: append Max-Age with the expiry-time.
            list.Add(("Max-Age", expiryTime));
        }
        else if (Is(attributeName, "Domain"))
        {
            // 5.6.3 step 1: the cookie-domain is the attribute-value. Step 2: without its leading '.'. Step 3: lower case.
            var cookieDomain = attributeValue.StartsWith('.') ? attributeValue[1..] : attributeValue;
            cookieDomain = cookieDomain.ToLowerInvariant();

            // 5.6.3 step 4: append Domain.
            list.Add(("Domain", cookieDomain));
        }
        else if (Is(attributeName, "Path"))
        {
            // 5.6.4 step 1: empty or not starting with '/': the default-path; else the attribute-value. Step 2: append Path.
            var cookiePath = attributeValue.Length == 0 || attributeValue[0] != '/' ? DefaultPath(requestUri) : attributeValue;
            list.Add(("Path", cookiePath));
        }
        else if (Is(attributeName, "Secure"))
        {
            // 5.6.5: append Secure with an empty value.
            list.Add(("Secure", string.Empty));
        }
        else if (Is(attributeName, "HttpOnly"))
        {
            // 5.6.6: append HttpOnly with an empty value.
            list.Add(("HttpOnly", string.Empty));
        }
        else if (Is(attributeName, "SameSite"))
        {
            // 5.6.7 steps 1-4: "Default", unless the value is None, Strict or Lax (case-insensitive). Step 5: append.
            var enforcement = Is(attributeValue, "None") ? "None" : Is(attributeValue, "Strict") ? "Strict" : Is(attributeValue, "Lax") ? "Lax" : "Default";
            list.Add(("SameSite", enforcement));
        }
    }

    /// <summary>Section 5.7: the user agent "receives a cookie".</summary>
    private ReceivedOutcome ReceiveCookie(Uri requestUri, string cookieName, string cookieValue, List<(string Name, object Value)> attributes)
    {
        // Step 1: a user agent MAY ignore a cookie in its entirety; this one ignores none.
        // Step 2: empty name and empty value: ignore the cookie entirely.
        if (cookieName.Length == 0 && cookieValue.Length == 0)
        {
            return Ignored("5.7 step 2");
        }

        // Step 3: a CTL other than HTAB in the name or value: ignore the cookie entirely.
        if (cookieName.Any(IsCtlExceptHtab) || cookieValue.Any(IsCtlExceptHtab))
        {
            return Ignored("5.7 step 3");
        }

        // Step 4: name and value together over 4096 octets: ignore the cookie entirely.
        if (Octets(cookieName) + Octets(cookieValue) > MaxNameValueOctets)
        {
            return Ignored("5.7 step 4");
        }

        // Step 5: a new cookie, created (and last accessed) now.
        var creationTime = Now;

        // Step 6: the last Max-Age sets the expiry-time, else the last Expires (both persistent), else not persistent.
        bool persistentFlag;
        DateTimeOffset expiryTime;
        if (Last(attributes, "Max-Age") is DateTimeOffset maxAge)
        {
            (persistentFlag, expiryTime) = (true, maxAge);
        }
        else if (Last(attributes, "Expires") is DateTimeOffset expires)
        {
            (persistentFlag, expiryTime) = (true, expires);
        }
        else
        {
            (persistentFlag, expiryTime) = (false, DateTimeOffset.MaxValue);
        }

        // Step 7: the domain-attribute is the last Domain (5.6 step 6 kept only values of at most 1024 octets), else empty.
        var domainAttribute = Last(attributes, "Domain") as string ?? string.Empty;

        // Step 8: a character outside CHAR (US-ASCII) in the domain-attribute: ignore the cookie entirely.
        if (domainAttribute.Any(c => c > 0x7F))
        {
            return Ignored("5.7 step 8");
        }

        // Step 9: this store is not configured to reject public suffixes (the tests' host is localhost).
        var requestHostCanonical = requestUri.IdnHost.ToLowerInvariant();

        // Step 10: a non-empty domain-attribute must domain-match the request host (5.1.3), and clears host-only;
        // an empty one makes the cookie host-only for the request host.
        bool hostOnlyFlag;
        string domain;
        if (domainAttribute.Length > 0)
        {
            if (!DomainMatches(requestHostCanonical, domainAttribute))
            {
                return Ignored("5.7 step 10");
            }

            (hostOnlyFlag, domain) = (false, domainAttribute);
        }
        else
        {
            (hostOnlyFlag, domain) = (true, requestHostCanonical);
        }

        // Step 11: the last Path (of at most 1024 octets), else the default-path of the request-uri (5.1.4).
        var path = Last(attributes, "Path") as string ?? DefaultPath(requestUri);

        // Step 12: Secure sets the secure-only-flag.
        var secureOnlyFlag = Has(attributes, "Secure");

        // Step 13: a secure-only cookie from a request that is not over a secure connection: ignore the cookie entirely.
        // "Secure" is defined by the user agent; this one counts https only (some browsers also count http://localhost).
        var secureConnection = requestUri.Scheme == Uri.UriSchemeHttps;
        if (!secureConnection && secureOnlyFlag)
        {
            return Ignored("5.7 step 13");
        }

        // Step 14: HttpOnly sets the http-only-flag. Step 15 (non-HTTP APIs) does not apply: every cookie here comes over HTTP.
        var httpOnlyFlag = Has(attributes, "HttpOnly");

        // Step 16: a non-secure cookie from a non-secure connection may not overlay a secure one of the same name whose
        // domain domain-matches (either way) and whose path the new path path-matches.
        if (!secureOnlyFlag && !secureConnection &&
            _store.Any(old => old.Name == cookieName && old.SecureOnlyFlag &&
                              (DomainMatches(old.Domain, domain) || DomainMatches(domain, old.Domain)) && PathMatches(path, old.Path)))
        {
            return Ignored("5.7 step 16");
        }

        // Step 17: when some SameSite is Strict, Lax or None, the last SameSite sets the same-site-flag; else "Default".
        var sameSite = attributes.Any(a => a.Name == "SameSite" && (string)a.Value != "Default") ? (string)Last(attributes, "SameSite")! : "Default";

        // Step 18: the cross-site checks do not apply: every request in the tests is a same-site top-level request.
        // Step 19: SameSite=None without the secure-only-flag: ignore the cookie entirely.
        if (sameSite == "None" && !secureOnlyFlag)
        {
            return Ignored("5.7 step 19");
        }

        // Step 20: a name starting with "__Secure-" (case-insensitive) needs the secure-only-flag, or the cookie is ignored.
        if (cookieName.StartsWith("__Secure-", StringComparison.OrdinalIgnoreCase) && !secureOnlyFlag)
        {
            return Ignored("5.7 step 20");
        }

        // Step 21: a name starting with "__Host-" (case-insensitive) needs the secure-only-flag, the host-only-flag, and a
        // Path attribute with the cookie's path "/", or the cookie is ignored.
        if (cookieName.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase) &&
            !(secureOnlyFlag && hostOnlyFlag && Has(attributes, "Path") && path == "/"))
        {
            return Ignored("5.7 step 21");
        }

        // Step 22: a nameless cookie whose value starts with either prefix (case-insensitive) is ignored.
        if (cookieName.Length == 0 &&
            (cookieValue.StartsWith("__Secure-", StringComparison.OrdinalIgnoreCase) || cookieValue.StartsWith("__Host-", StringComparison.OrdinalIgnoreCase)))
        {
            return Ignored("5.7 step 22");
        }

        // Step 23: a cookie with the same name, domain, host-only-flag and path is replaced; its creation-time is kept.
        var old = _store.FindIndex(c => c.Name == cookieName && c.Domain == domain && c.HostOnlyFlag == hostOnlyFlag && c.Path == path);
        if (old >= 0)
        {
            creationTime = _store[old].CreationTime;
            _store.RemoveAt(old);
        }

        // Step 24: insert the new cookie.
        var cookie = new StoredCookie(cookieName, cookieValue, expiryTime, domain, path, creationTime, persistentFlag, hostOnlyFlag,
            secureOnlyFlag, httpOnlyFlag, sameSite);
        _store.Add(cookie);

        // After the steps: "The user agent MUST evict all expired cookies" (an expiry date in the past).
        _store.RemoveAll(c => c.ExpiryTime < Now);
        return new ReceivedOutcome(cookie, null);
    }

    /// <summary>Section 5.1.1: a cookie-date, or null when it fails to parse.</summary>
    public static DateTimeOffset? ParseCookieDate(string cookieDate)
    {
        int? hour = null, minute = null, second = null, dayOfMonth = null, month = null, year = null;

        // Step 1: divide into date-tokens, runs of non-delimiters.
        var tokens = new List<string>();
        var start = 0;
        for (var i = 0; i <= cookieDate.Length; i++)
        {
            if (i == cookieDate.Length || IsDelimiter(cookieDate[i]))
            {
                if (i > start)
                {
                    tokens.Add(cookieDate[start..i]);
                }

                start = i + 1;
            }
        }

        // Step 2: each token, in order, is the first of time, day-of-month, month, year not found yet that it matches.
        foreach (var token in tokens)
        {
            if (hour is null && MatchTime(token) is { } time)
            {
                (hour, minute, second) = time;
            }
            else if (dayOfMonth is null && MatchDigits(token, 1, 2) is { } day)
            {
                dayOfMonth = day;
            }
            else if (month is null && MatchMonth(token) is { } m)
            {
                month = m;
            }
            else if (year is null && MatchDigits(token, 2, 4) is { } y)
            {
                year = y;
            }
        }

        // Step 3: 70-99 is 1970-1999. Step 4: 0-69 is 2000-2069.
        if (year is >= 70 and <= 99)
        {
            year += 1900;
        }
        else if (year is >= 0 and <= 69)
        {
            year += 2000;
        }

        // Step 5: fail when a part is missing or out of range.
        if (hour is null || dayOfMonth is null || month is null || year is null ||
            dayOfMonth is < 1 or > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        // Step 6: the date in UTC; fail when no such date exists (30 February). Step 7: return it.
        if (dayOfMonth > DateTime.DaysInMonth(year.Value, month.Value))
        {
            return null;
        }

        return new DateTimeOffset(year.Value, month.Value, dayOfMonth.Value, hour.Value, minute!.Value, second!.Value, TimeSpan.Zero);
    }

    // delimiter = %x09 / %x20-2F / %x3B-40 / %x5B-60 / %x7B-7E
    private static bool IsDelimiter(char c) => c == 0x09 || c is >= (char)0x20 and <= (char)0x2F || c is >= (char)0x3B and <= (char)0x40
                                               || c is >= (char)0x5B and <= (char)0x60 || c is >= (char)0x7B and <= (char)0x7E;

    // day-of-month = 1*2DIGIT [ non-digit *OCTET ];  year = 2*4DIGIT [ non-digit *OCTET ]
    private static int? MatchDigits(string token, int min, int max)
    {
        var digits = token.TakeWhile(char.IsAsciiDigit).Count();
        return digits >= min && digits <= max ? int.Parse(token.AsSpan(0, digits), CultureInfo.InvariantCulture) : null;
    }

    // month = ( "jan" / "feb" / ... / "dec" ) *OCTET, case-insensitive as ABNF strings are.
    private static int? MatchMonth(string token)
    {
        var months = new[] { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
        var index = Array.FindIndex(months, m => token.StartsWith(m, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index + 1;
    }

    // time = hms-time [ non-digit *OCTET ];  hms-time = time-field ":" time-field ":" time-field;  time-field = 1*2DIGIT
    private static (int, int, int)? MatchTime(string token)
    {
        var fields = new int[3];
        var position = 0;
        for (var i = 0; i < 3; i++)
        {
            var digits = token.Skip(position).TakeWhile(char.IsAsciiDigit).Count();
            if (digits is < 1 or > 2)
            {
                return null;
            }

            fields[i] = int.Parse(token.AsSpan(position, digits), CultureInfo.InvariantCulture);
            position += digits;
            if (i < 2)
            {
                if (position >= token.Length || token[position] != ':')
                {
                    return null;
                }

                position++;
            }
        }

        return position == token.Length || !char.IsAsciiDigit(token[position]) ? (fields[0], fields[1], fields[2]) : null;
    }

    /// <summary>Section 5.1.3 (both canonicalized, lower case).</summary>
    private static bool DomainMatches(string host, string domain) =>
        host == domain ||
        (host.EndsWith(domain, StringComparison.Ordinal) && host[host.Length - domain.Length - 1] == '.' &&
         Uri.CheckHostName(host) == UriHostNameType.Dns);

    /// <summary>Section 5.1.4, the default-path of a request-uri.</summary>
    private static string DefaultPath(Uri requestUri)
    {
        // Step 1: the uri-path. Step 2: empty or not starting with '/': "/". Step 3: at most one '/': "/".
        var uriPath = requestUri.AbsolutePath;
        if (uriPath.Length == 0 || uriPath[0] != '/' || uriPath.Count(c => c == '/') <= 1)
        {
            return "/";
        }

        // Step 4: up to, not including, the right-most '/'.
        return uriPath[..uriPath.LastIndexOf('/')];
    }

    /// <summary>Section 5.1.4, path-match.</summary>
    private static bool PathMatches(string requestPath, string cookiePath) =>
        requestPath == cookiePath ||
        (requestPath.StartsWith(cookiePath, StringComparison.Ordinal) &&
         (cookiePath.EndsWith('/') || requestPath[cookiePath.Length] == '/'));

    private static ReceivedOutcome Ignored(string step) => new(null, step);

    private static bool Is(string text, string expected) => string.Equals(text, expected, StringComparison.OrdinalIgnoreCase);

    private static bool IsCtlExceptHtab(char c) => c is <= (char)0x08 or >= (char)0x0A and <= (char)0x1F or (char)0x7F;

    // WSP = SP / HTAB
    private static string TrimWsp(string text) => text.Trim(' ', '\t');

    private static int Octets(string text) => Encoding.UTF8.GetByteCount(text);

    private static object? Last(List<(string Name, object Value)> attributes, string name) =>
        attributes.LastOrDefault(a => a.Name == name).Value;

    private static bool Has(List<(string Name, object Value)> attributes, string name) => attributes.Any(a => a.Name == name);
}
