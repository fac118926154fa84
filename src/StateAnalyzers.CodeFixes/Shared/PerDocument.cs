using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace StateAnalyzers.CodeFixes.Shared;

/// <summary>Applies a fix's edits grouped by the document they touch, one document after the other.</summary>
internal static class PerDocument
{
    public static async Task<Solution> ApplyAsync<TEdit>(
        Solution solution,
        IEnumerable<TEdit> edits,
        Func<TEdit, SyntaxTree> treeOf,
        Func<Document, List<TEdit>, CancellationToken, Task<Document>> apply,
        CancellationToken cancellationToken)
    {
        foreach (var byTree in edits.GroupBy(treeOf))
        {
            var document = solution.GetDocument(byTree.Key);
            if (document is null)
            {
                continue;
            }

            var updated = await apply(document, byTree.ToList(), cancellationToken).ConfigureAwait(false);
            solution = updated.Project.Solution;
        }

        return solution;
    }
}
