namespace StateAnalyzers.Cli.Tests.Infrastructure;

/// <summary>The repository checkout the tests run in.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StateAnalyzers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("StateAnalyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
