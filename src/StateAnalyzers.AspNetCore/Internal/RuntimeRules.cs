using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>The catalogue's rules that have a runtime behaviour, and their runtime defaults, read from the catalogue.</summary>
internal static class RuntimeRules
{
    /// <summary>The catalogue's runtime column for a rule with none: <c>-</c>, possibly followed by why (<c>- (STATE001/STATE002 judge ...)</c>).</summary>
    private const string NoRuntimeBehaviour = "-";
    private const string AllowedCookieNamesOption = "allowed_cookie_names";

    public static readonly IReadOnlyList<Rule> All = RuleCatalog.All
        .Where(r => !r.Runtime.StartsWith(NoRuntimeBehaviour, StringComparison.Ordinal))
        .ToArray();

    /// <summary>The IDs of <see cref="All"/>, in its order.</summary>
    private static readonly string[] Ids = All.Select(r => r.Id).ToArray();

    /// <summary>
    /// A rule's place in <see cref="All"/>, for the per-cookie look-ups: callers pass the catalogue's own ID constants, so
    /// a reference compare finds them without hashing a string; -1 for an ID that is not a runtime rule.
    /// </summary>
    public static int IndexOf(string ruleId)
    {
        // References first, over a plain array: comparing the text of every earlier ID (same length, same prefix), or
        // calling through the list's interface, costs more than the look-up itself.
        var ids = Ids;
        for (var index = 0; index < ids.Length; index++)
        {
            if (ReferenceEquals(ids[index], ruleId))
            {
                return index;
            }
        }

        return Array.IndexOf(ids, ruleId);
    }

    public static bool IsRuntimeRule(string id) => All.Any(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The default value of the rule's <c>allowed_cookie_names</c> option (STATE004: <c>XSRF-TOKEN</c>).</summary>
    public static IEnumerable<string> DefaultExemptions(Rule rule) =>
        rule.Options
            .OfType<RuleOption<IReadOnlyList<string>>>()
            .Where(o => o.Name == AllowedCookieNamesOption)
            .SelectMany(o => o.Default);
}
