using System.Text.RegularExpressions;

namespace StateAnalyzers.Tests.Meta;

/// <summary>docs/architecture.md stays true: every source folder has its paragraph, and every folder it names exists.</summary>
public partial class ArchitectureDocTests
{
    private const string Doc = "docs/architecture.md";

    private static readonly string[] DescribedRoots = ["src/StateAnalyzers.Catalogue", "src/StateAnalyzers", "src/StateAnalyzers.CodeFixes", "src/StateAnalyzers.Cli", "tools"];

    [Fact]
    public void Every_source_folder_has_a_paragraph()
    {
        var headings = Headings();
        var missing = SourceFolders().Where(f => !headings.Contains(f)).ToArray();

        Assert.True(missing.Length == 0, $"{Doc} has no '### `folder/`' paragraph for: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_folder_the_doc_describes_exists()
    {
        var gone = Headings().Where(h => !Directory.Exists(Repository.PathOf(h))).ToArray();

        Assert.True(gone.Length == 0, $"{Doc} describes folders that do not exist: {string.Join(", ", gone)}");
    }

    /// <summary>The folders that hold C# source: the roots' subfolders (and the roots), bin and obj aside.</summary>
    private static IEnumerable<string> SourceFolders() =>
        DescribedRoots
            .SelectMany(root => Directory.GetDirectories(Repository.PathOf(root), "*", SearchOption.AllDirectories).Append(Repository.PathOf(root)))
            .Select(d => Path.GetRelativePath(Repository.Root, d).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(d => !d.Split('/').Any(part => part is "bin" or "obj"))
            .Where(d => Directory.GetFiles(Repository.PathOf(d), "*.cs").Length > 0)
            .Distinct()
            .Order(StringComparer.Ordinal);

    private static HashSet<string> Headings() =>
        Markdown.Lines(Repository.Read(Doc))
            .Select(l => HeadingPattern().Match(l))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value.TrimEnd('/'))
            .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"^### `([^`]+)`")]
    private static partial Regex HeadingPattern();
}
