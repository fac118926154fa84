using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Tests.Meta;

/// <summary>The catalogue's rules as theory data, so each rule passes or fails on its own line.</summary>
internal static class CatalogueRules
{
    public static TheoryData<string> Ids
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var rule in RuleCatalog.All)
            {
                data.Add(rule.Id);
            }

            return data;
        }
    }

    public static Rule Get(string id) => RuleCatalog.All.Single(r => r.Id == id);
}
