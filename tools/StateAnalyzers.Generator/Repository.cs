namespace StateAnalyzers.Generator;

/// <summary>Finds the repository's root: the folder that holds StateAnalyzers.sln.</summary>
public static class Repository
{
    public static string FindRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "StateAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("StateAnalyzers.sln not found above " + start);
    }
}
