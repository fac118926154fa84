namespace StateAnalyzers.AspNetCore.Tests.Infrastructure;

/// <summary>One Set-Cookie header of a response, as the browser receives it.</summary>
internal sealed record ReceivedCookie(string Header, string Name, string Value, IReadOnlyDictionary<string, string> Attributes)
{
    public bool HttpOnly => Attributes.ContainsKey("httponly");

    public bool Secure => Attributes.ContainsKey("secure");

    public string? SameSite => Attributes.TryGetValue("samesite", out var value) ? value.ToLowerInvariant() : null;

    public bool IsDeletion =>
        Attributes.TryGetValue("expires", out var expires) && DateTimeOffset.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) < DateTimeOffset.UtcNow;

    public static ReceivedCookie Parse(string header)
    {
        var parts = header.Split(';');
        var pair = parts[0];
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1))
        {
            var attribute = part.Trim();
            var eq = attribute.IndexOf('=', StringComparison.Ordinal);
            attributes[(eq < 0 ? attribute : attribute[..eq]).Trim().ToLowerInvariant()] = eq < 0 ? string.Empty : attribute[(eq + 1)..].Trim();
        }

        // RFC 6265bis: a pair without '=' is a nameless cookie whose value is the whole pair.
        return equals < 0
            ? new ReceivedCookie(header, string.Empty, pair.Trim(), attributes)
            : new ReceivedCookie(header, pair[..equals].Trim(), pair[(equals + 1)..].Trim(), attributes);
    }
}

internal static class SetCookies
{
    public static IReadOnlyList<ReceivedCookie> Of(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(ReceivedCookie.Parse).ToArray()
            : Array.Empty<ReceivedCookie>();

    public static ReceivedCookie Single(HttpResponseMessage response, string name) => Assert.Single(Of(response), c => c.Name == name);
}

/// <summary>What a browser on localhost keeps: cookies by name, Secure ones included (browsers treat localhost as secure).</summary>
internal sealed class CookieJar
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Cookies => _cookies;

    public void Take(HttpResponseMessage response)
    {
        foreach (var cookie in SetCookies.Of(response))
        {
            if (cookie.IsDeletion || (cookie.Attributes.TryGetValue("max-age", out var maxAge) && maxAge.StartsWith('-')))
            {
                _cookies.Remove(cookie.Name);
            }
            else
            {
                _cookies[cookie.Name] = cookie.Value;
            }
        }
    }

    public void AddTo(HttpRequestMessage request)
    {
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => c.Key + "=" + c.Value)));
        }
    }
}
