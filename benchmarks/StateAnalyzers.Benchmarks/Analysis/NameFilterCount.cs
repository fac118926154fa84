using Microsoft.CodeAnalysis.CSharp.Syntax;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// <c>--name-filter [files] [userFiles]</c>: how many files and calls the project-wide pipeline walk would bind on the
/// corpus plus <see cref="Corpus.UserCallsCorpus"/>, under the filter issue 17 replaced (<c>StartsWith("Use")</c>) and
/// under <see cref="SyntaxNames.IsPipelineUse"/>. Counts, not times: they do not depend on the machine's load.
/// </summary>
internal static class NameFilterCount
{
    public static int Run(int files, int userFiles)
    {
        var compilation = CorpusCompilation.WithUserCalls(files, userFiles);
        var names = new[] { "UseCookiePolicy", "UseSession", "UseAuthentication", "UseMiddleware" };
        int oldTrees = 0, newTrees = 0, oldCalls = 0, newCalls = 0;
        foreach (var tree in compilation.SyntaxTrees)
        {
            var oldTree = TreeText.MayMention(tree, names, SyntaxNames.PipelineUsePrefix);
            var newTree = TreeText.MayMention(tree, names, SyntaxNames.PipelineUsePrefix, prefixThenUpper: true);
            oldTrees += oldTree ? 1 : 0;
            newTrees += newTree ? 1 : 0;
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = SyntaxNames.Invoked(call);
                oldCalls += oldTree && name.StartsWith(SyntaxNames.PipelineUsePrefix, StringComparison.Ordinal) ? 1 : 0;
                newCalls += newTree && SyntaxNames.IsPipelineUse(name) ? 1 : 0;
            }
        }

        Console.WriteLine($"{compilation.SyntaxTrees.Count()} files ({files} corpus + {userFiles + 1} of User... calls)");
        Console.WriteLine($"  StartsWith(\"Use\"):         {oldTrees,5} files walked, {oldCalls,6} Use* calls bound");
        Console.WriteLine($"  SyntaxNames.IsPipelineUse: {newTrees,5} files walked, {newCalls,6} Use* calls bound");
        return 0;
    }
}
