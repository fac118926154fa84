using StateAnalyzers.Catalogue;

namespace StateAnalyzers.Generator;

/// <summary>Every generated file, rendered from the catalogue and, for files that are partly hand-written, their current text.</summary>
public static class Artefacts
{
    public static IReadOnlyList<GeneratedFile> Render(string root)
    {
        string Read(string path) => File.ReadAllText(Path.Combine(root, path));

        var files = new List<GeneratedFile>
        {
            new(DescriptorsFile.Path, DescriptorsFile.Render()),
            new(ReleaseFile.Path, ReleaseFile.Render()),
            new(ReadmeTable.Path, ReadmeTable.Render(Read(ReadmeTable.Path))),
        };
        files.AddRange(Presets.Names.Select(p => new GeneratedFile(Presets.PathOf(p), Presets.Render(p))));
        files.AddRange(RuleCatalog.All.Select(r => new GeneratedFile(r.DocsPath, RulePage.Render(r, Read(r.DocsPath)))));
        return files;
    }
}
