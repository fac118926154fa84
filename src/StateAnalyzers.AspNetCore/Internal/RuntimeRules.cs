using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>The catalogue's rules that have a runtime behaviour, and their runtime defaults, read from the catalogue.</summary>
internal static class RuntimeRules
{
    /// <summary>The catalogue's runtime column for a rule with none: <c>-</c>, possibly followed by why (<c>- (STATE001/STATE002 judge ...)</c>).</summary>
    private const string NoRuntimeBehaviour = "-";
    private const string AllowedCookieNamesOption = "allowed_cookie_names";

    /// <summary>Rules whose runtime behaviour the catalogue describes but this companion does not have yet.</summary>
    private static readonly string[] NotYetAtRunTime = Array.Empty<string>();

    public static readonly IReadOnlyList<Rule> All = RuleCatalog.All
        .Where(r => !r.Runtime.StartsWith(NoRuntimeBehaviour, StringComparison.Ordinal) && !NotYetAtRunTime.Contains(r.Id))
        .ToArray();

    /// <summary>
    /// A rule's place in <see cref="All"/>, for the per-cookie look-ups: callers pass the catalogue's own ID constants, so
    /// a reference compare finds them without hashing a string; -1 for an ID that is not a runtime rule.
    /// </summary>
    public static int IndexOf(string ruleId)
    {
        for (var index = 0; index < All.Count; index++)
        {
            if (ReferenceEquals(All[index].Id, ruleId) || All[index].Id == ruleId)
            {
                return index;
            }
        }

        return -1;
    }

    public static bool IsRuntimeRule(string id) => All.Any(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The default value of the rule's <c>allowed_cookie_names</c> option (STATE004: <c>XSRF-TOKEN</c>).</summary>
    public static IEnumerable<string> DefaultExemptions(Rule rule) =>
        rule.Options
            .OfType<RuleOption<IReadOnlyList<string>>>()
            .Where(o => o.Name == AllowedCookieNamesOption)
            .SelectMany(o => o.Default);
}
