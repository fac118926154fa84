namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// The repository the meta-tests check: found by walking up from the test binaries to the folder that holds
/// StateAnalyzers.sln, so the tests read the working tree's docs, README and release notes, not copies.
/// </summary>
internal static class Repository
{
    private const string SolutionFile = "StateAnalyzers.sln";

    public static string Root { get; } = FindRoot();

    /// <summary>A path relative to the repository root, written with '/' as in the docs (<c>docs/rules/STATE004.md</c>).</summary>
    public static string PathOf(string relativePath) =>
        Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static bool Exists(string relativePath) => File.Exists(PathOf(relativePath));

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No {SolutionFile} above {AppContext.BaseDirectory}: the meta-tests must run from a build inside the repository.");
    }
}
