using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Cli.Reports;

/// <summary>A rule as the reports show it, from the catalogue; a rule the catalogue lacks still gets its ID.</summary>
internal sealed record RuleInfo(string Id, string Title, string HelpLink, RuleSeverity DefaultSeverity, string Category, string Name, RuleTaxonomy? Taxonomy)
{
    public static RuleInfo For(string id)
    {
        var rule = RuleCatalog.All.FirstOrDefault(r => r.Id == id);
        return rule is null
            ? new RuleInfo(id, id, RuleCatalog.HelpLinkBase + id + ".md", RuleSeverity.Warning, "", id, RuleTaxonomy.For(id))
            : new RuleInfo(id, rule.Title, rule.HelpLink, rule.DefaultSeverity, rule.Category, rule.Name, RuleTaxonomy.For(id));
    }
}
