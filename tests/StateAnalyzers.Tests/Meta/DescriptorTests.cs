using Microsoft.CodeAnalysis;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Tests.Meta;

/// <summary>Every descriptor an analyzer ships is its catalogue rule, word for word, and links to an existing page.</summary>
public class DescriptorTests
{
    [Fact]
    public void The_analyzer_assembly_ships_analyzers()
    {
        Assert.Equal("StateAnalyzers", ShippedAnalyzers.Assembly.GetName().Name);
        Assert.NotEmpty(ShippedAnalyzers.Types);
    }

    [Theory]
    [MemberData(nameof(ShippedAnalyzers.TypeNames), MemberType = typeof(ShippedAnalyzers))]
    public void Every_descriptor_matches_its_catalogue_rule(string analyzer)
    {
        var descriptors = ShippedAnalyzers.Create(analyzer).SupportedDiagnostics;
        Assert.NotEmpty(descriptors);
        foreach (var descriptor in descriptors)
        {
            var rule = RuleCatalog.All.SingleOrDefault(r => r.Id == descriptor.Id);
            Assert.True(rule is not null, $"{analyzer} supports {descriptor.Id}, which the catalogue does not know");
            Assert.Equal(rule!.Title, descriptor.Title.ToString());
            Assert.Equal(rule.Category, descriptor.Category);
            Assert.Equal(rule.DefaultSeverity.ToString(), descriptor.DefaultSeverity.ToString());
            Assert.Contains(descriptor.MessageFormat.ToString(), rule.Messages.Select(m => m.Format));
            Assert.True(descriptor.IsEnabledByDefault, $"{descriptor.Id} is disabled by default");
        }
    }

    [Theory]
    [MemberData(nameof(ShippedAnalyzers.TypeNames), MemberType = typeof(ShippedAnalyzers))]
    public void Every_help_link_points_at_an_existing_docs_page(string analyzer)
    {
        foreach (var descriptor in ShippedAnalyzers.Create(analyzer).SupportedDiagnostics)
        {
            var rule = RuleCatalog.All.Single(r => r.Id == descriptor.Id);
            var page = $"docs/rules/{descriptor.Id}.md";
            Assert.Equal(rule.HelpLink, descriptor.HelpLinkUri);
            Assert.EndsWith("/" + page, descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.True(Repository.Exists(page), $"{descriptor.Id}'s help link points at {page}, which does not exist");
        }
    }
}
