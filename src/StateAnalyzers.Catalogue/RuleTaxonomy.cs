using System.Collections.Generic;

namespace StateAnalyzers.Catalogue;

/// <summary>
/// What a code-scanning service needs to rank a rule: a one-paragraph description, the CWE entries it guards
/// against and a <c>security-severity</c> score (CVSS-like, 0-10; null for rules that are not about security).
/// The SARIF writer of the stateanalyzers tool reads it; a test checks that every rule of the catalogue has one.
/// </summary>
internal sealed class RuleTaxonomy
{
    private RuleTaxonomy(string ruleId, string description, IReadOnlyList<int> cwes, string? securitySeverity)
    {
        RuleId = ruleId;
        Description = description;
        Cwes = cwes;
        SecuritySeverity = securitySeverity;
    }

    public string RuleId { get; }

    public string Description { get; }

    public IReadOnlyList<int> Cwes { get; }

    public string? SecuritySeverity { get; }

    public static readonly IReadOnlyList<RuleTaxonomy> All = new[]
    {
        new RuleTaxonomy(RuleIds.STATE001,
            "A credential, token, key or personal data is written into a cookie, where whoever holds the browser can read and replay it. Keep it in the session: the browser then holds only the session id.",
            new[] { 315, 312 }, "6.5"),
        new RuleTaxonomy(RuleIds.STATE002,
            "A cookie's name and value may grow past the 4096 bytes browsers keep, and the browser then drops it silently. Large data belongs in the session.",
            new int[0], null),
        new RuleTaxonomy(RuleIds.STATE003,
            "A sign-out leaves the server-side session alive, so its data stays readable to the next request that carries the session cookie. Clear the session before signing out.",
            new[] { 613 }, "5.4"),
        new RuleTaxonomy(RuleIds.STATE004,
            "A cookie is written without HttpOnly, so any script on the page (an XSS payload included) can read it.",
            new[] { 1004 }, "5.0"),
        new RuleTaxonomy(RuleIds.STATE005,
            "A cookie is written without Secure, so the browser also sends it over plain HTTP, where it can be read on the network.",
            new[] { 614 }, "5.0"),
        new RuleTaxonomy(RuleIds.STATE006,
            "A cookie is written without a SameSite policy, so its protection against cross-site request forgery depends on each browser's default.",
            new[] { 1275 }, "4.3"),
        new RuleTaxonomy(RuleIds.STATE007,
            "The session is used, but AddSession() or UseSession() is missing or in the wrong place, so the app throws at the first request that touches it.",
            new int[0], null),
        new RuleTaxonomy(RuleIds.STATE008,
            "A sign-in keeps the session that existed before it, so a session id planted in the victim's browser before the login is the attacker's way into the authenticated session (session fixation). Clear or renew the session at sign-in.",
            new[] { 384 }, "5.9"),
        new RuleTaxonomy(RuleIds.STATE009,
            "An authentication or session cookie lives longer than the configured maximum, so a stolen or forgotten cookie keeps working for that long.",
            new[] { 613 }, "4.3"),
        new RuleTaxonomy(RuleIds.STATE010,
            "A cookie breaks a rule the browser enforces silently: a __Host- or __Secure- name without Secure, or a __Host- name with a Domain or a Path other than /, and the browser drops it, so the protection the prefix was chosen for (no overwrite from a sibling subdomain or over plain HTTP) and the cookie itself are lost; or a lifetime beyond 400 days, which the browser cuts to 400 days.",
            new[] { 614 }, "3.1"),
        new RuleTaxonomy(RuleIds.STATE011,
            "TempData is kept in a cookie (the default provider) and holds a secret, which whoever holds the browser can replay, or data that can grow past the browser's and the server's header limits.",
            new[] { 315, 312 }, "5.0"),
    };

    public static RuleTaxonomy? For(string ruleId)
    {
        foreach (var taxonomy in All)
        {
            if (taxonomy.RuleId == ruleId)
            {
                return taxonomy;
            }
        }

        return null;
    }
}
