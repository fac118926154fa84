namespace StateAnalyzers.Benchmarks.Corpus;

/// <summary>
/// User-administration services that call methods named <c>User...</c>, <c>Users...</c>, <c>Used...</c> and
/// <c>Uses...</c> many times (issue 17, item 11: a name filter matching <c>StartsWith("Use")</c> bound every one of
/// them as a possible pipeline registration). No cookie, no session, no pipeline call: the set should pay nothing here.
/// </summary>
internal static class UserCallsCorpus
{
    private static readonly string[] Calls =
    {
        "UserExists(id)", "UserName(id)", "UsersInRole(\"admin\")", "UsedStorage(id)", "UsesTwoFactor(id)",
        "UserLockedOut(id)", "UserEmailConfirmed(id)", "UsersCreatedSince(since)", "UsedLicences()", "UserClaims(id)",
    };

    public static IReadOnlyList<CorpusFile> Generate(int fileCount, int methodsPerFile = 30)
    {
        var files = new List<CorpusFile> { new("Users/UserDirectory.cs", DirectoryFile(), "model") };
        for (var index = 0; index < fileCount; index++)
        {
            files.Add(new CorpusFile("Users/UserAdministration" + index + ".cs", ServiceFile(index, methodsPerFile), "service"));
        }

        return files;
    }

    private static string DirectoryFile()
    {
        var w = new CodeWriter();
        w.Lines("using System;", "using System.Collections.Generic;", string.Empty, "namespace Shop.Users;", string.Empty);
        w.Open("public class UserDirectory");
        w.Lines(
            "public bool UserExists(int id) => id > 0;",
            "public string UserName(int id) => \"user\" + id;",
            "public IReadOnlyList<int> UsersInRole(string role) => new[] { role.Length };",
            "public long UsedStorage(int id) => id * 1024L;",
            "public bool UsesTwoFactor(int id) => id % 2 == 0;",
            "public bool UserLockedOut(int id) => id % 7 == 0;",
            "public bool UserEmailConfirmed(int id) => id % 3 != 0;",
            "public int UsersCreatedSince(DateTime since) => since.Day;",
            "public int UsedLicences() => 42;",
            "public IReadOnlyList<string> UserClaims(int id) => new[] { \"role:\" + id };");
        w.Close();
        return w.ToString();
    }

    private static string ServiceFile(int index, int methods)
    {
        var w = new CodeWriter();
        w.Lines("using System;", string.Empty, "namespace Shop.Users;", string.Empty);
        w.Open("public class UserAdministration" + index + " : UserDirectory");
        for (var method = 0; method < methods; method++)
        {
            w.Open("public int Audit" + method + "(int id, DateTime since)");
            w.Line("var score = 0;");
            for (var call = 0; call < Calls.Length; call++)
            {
                var expression = Calls[(call + method) % Calls.Length];
                w.Line("score += " + expression + ".GetHashCode() % " + (call + 2) + ";");
            }

            w.Line("return score;");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }
}
