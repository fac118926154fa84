namespace StateAnalyzers.Cli.Loading;

/// <summary>What a scan path names: one solution, or a set of project files (one project, or a folder's projects).</summary>
internal sealed record ScanInput(string RootDirectory, string? SolutionPath, IReadOnlyList<string> ProjectPaths)
{
    /// <summary>What <c>dotnet restore</c> is run on.</summary>
    public IEnumerable<string> RestoreTargets => SolutionPath is null ? ProjectPaths : [SolutionPath];

    /// <summary>
    /// Resolves a path the user typed. A folder with exactly one solution at its top means that solution; otherwise
    /// every C# project under it (bin and obj left out).
    /// </summary>
    public static ScanInput Resolve(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var solutions = Directory.GetFiles(full, "*.sln").Concat(Directory.GetFiles(full, "*.slnx")).ToArray();
            if (solutions.Length == 1)
            {
                return new ScanInput(full, solutions[0], []);
            }

            var projects = Directory.EnumerateFiles(full, "*.csproj", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(Path.GetRelativePath(full, p)))
                .Order(StringComparer.Ordinal)
                .ToArray();
            return projects.Length == 0
                ? throw new UsageException($"{path}: the folder holds no C# project (.csproj) and no solution")
                : new ScanInput(full, null, projects);
        }

        if (!File.Exists(full))
        {
            throw new UsageException($"{path}: no such file or folder");
        }

        var directory = Path.GetDirectoryName(full)!;
        return Path.GetExtension(full).ToLowerInvariant() switch
        {
            ".sln" or ".slnx" => new ScanInput(directory, full, []),
            ".csproj" => new ScanInput(directory, null, [full]),
            var other => throw new UsageException(
                $"{path}: not a solution (.sln, .slnx), a C# project (.csproj) or a folder{(other.Length > 0 ? $" ({other} file)" : "")}"),
        };
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)
            .Any(part => part is "bin" or "obj");
}
