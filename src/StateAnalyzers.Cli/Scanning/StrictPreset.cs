using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Cli.Scanning;

/// <summary>
/// <c>--preset strict</c>: the package's strict preset, built from the catalogue and added to each project as a
/// global analyzer config at the same low <c>global_level</c>, so the project's own .editorconfig and .globalconfig
/// still win, exactly as with <c>&lt;StateAnalyzersPreset&gt;strict&lt;/StateAnalyzersPreset&gt;</c>.
/// </summary>
internal static class StrictPreset
{
    private const string FileName = "stateanalyzers-cli-strict.globalconfig";

    public static string Text { get; } = "is_global = true\nglobal_level = -1\n" + string.Concat(
        RuleCatalog.All.Select(r => $"dotnet_diagnostic.{r.Id}.severity = {r.StrictSeverity.ToString().ToLowerInvariant()}\n"));

    public static Solution Apply(Solution solution, IEnumerable<ProjectId> projects)
    {
        foreach (var id in projects)
        {
            var project = solution.GetProject(id)!;
            var path = Path.Combine(Path.GetDirectoryName(project.FilePath)!, "obj", FileName);
            solution = solution.AddAnalyzerConfigDocument(DocumentId.CreateNewId(id), FileName, SourceText.From(Text), filePath: path);
        }

        return solution;
    }
}
