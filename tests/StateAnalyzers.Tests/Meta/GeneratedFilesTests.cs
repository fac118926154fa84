using StateAnalyzers.Generator;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// The files derived from the catalogue (descriptors, release tracking, README table, rule pages' tables, presets)
/// are what the generator writes today: a catalogue change without `scripts/generate.sh` fails here.
/// </summary>
public class GeneratedFilesTests
{
    public static TheoryData<string> Files => new(Artefacts.Render(Repository.Root).Select(f => f.Path));

    [Theory]
    [MemberData(nameof(Files))]
    public void Generated_file_is_up_to_date(string path)
    {
        var expected = Artefacts.Render(Repository.Root).Single(f => f.Path == path).Content;

        Assert.True(
            Repository.Exists(path) && Repository.Read(path) == expected,
            $"{path} is not what the catalogue generates: run scripts/generate.sh");
    }

    [Fact]
    public void The_generator_covers_every_rule_page_and_both_presets()
    {
        var paths = Artefacts.Render(Repository.Root).Select(f => f.Path).ToHashSet(StringComparer.Ordinal);

        Assert.All(Directory.GetFiles(Repository.PathOf("docs/rules"), "STATE*.md"), page => Assert.Contains("docs/rules/" + Path.GetFileName(page), paths));
        Assert.Contains("src/StateAnalyzers.Package/buildTransitive/config/recommended.globalconfig", paths);
        Assert.Contains("src/StateAnalyzers.Package/buildTransitive/config/strict.globalconfig", paths);
        Assert.Contains("src/StateAnalyzers/Rules/Descriptors.cs", paths);
        Assert.Contains("src/StateAnalyzers/AnalyzerReleases.Unshipped.md", paths);
    }
}
