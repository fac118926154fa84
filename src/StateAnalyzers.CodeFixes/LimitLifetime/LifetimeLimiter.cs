using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.LimitLifetime;

/// <summary>Replaces each reported lifetime expression with its maximum, keeping the expression's trivia; every edit of a document in one pass.</summary>
internal static class LifetimeLimiter
{
    public static Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<LifetimeLimit> limits, CancellationToken cancellationToken) =>
        PerDocument.ApplyAsync(solution, limits, l => l.Tree, ApplyAsync, cancellationToken);

    private static async Task<Document> ApplyAsync(Document document, List<LifetimeLimit> limits, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
        foreach (var limit in limits)
        {
            if (root.FindNode(limit.Span, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<ExpressionSyntax>().FirstOrDefault(n => n.Span == limit.Span) is { } expression)
            {
                replacements[expression] = SyntaxFactory.ParseExpression(limit.Replacement).WithTriviaFrom(expression);
            }
        }

        return replacements.Count == 0
            ? document
            : document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }
}
