using System;

namespace StateAnalyzers.Catalogue;

/// <summary>
/// The cookie name prefixes of RFC 6265bis (<see cref="RuleCatalog.HostPrefix"/>, <see cref="RuleCatalog.SecurePrefix"/>),
/// matched as browsers match them: case-insensitively (section 5.4), so <c>__HOST-id</c> is held to the <c>__Host-</c>
/// rules. The one matcher of both layers: the analyzer's STATE010 and the runtime companion's (which also repairs
/// prefixed deletes with it).
/// </summary>
internal static class CookieNamePrefixes
{
    public static bool IsHost(ReadOnlySpan<char> name) => name.StartsWith(RuleCatalog.HostPrefix.AsSpan(), StringComparison.OrdinalIgnoreCase);

    public static bool IsSecure(ReadOnlySpan<char> name) => name.StartsWith(RuleCatalog.SecurePrefix.AsSpan(), StringComparison.OrdinalIgnoreCase);
}
