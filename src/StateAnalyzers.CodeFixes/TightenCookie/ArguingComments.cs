using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace StateAnalyzers.CodeFixes.TightenCookie;

/// <summary>
/// A fix that changes a flag's value removes the comment that trails it on its line (<c>HttpOnly = false, // needed
/// by JS</c>): that comment argued for the old value and would now say the opposite of the code.
/// </summary>
internal static class ArguingComments
{
    public const string ChangedValue = "StateAnalyzers.ChangedValue";

    /// <summary>Removes the trailing comments of each value marked <see cref="ChangedValue"/>, and of the comma or semicolon right after it.</summary>
    public static SyntaxNode Remove(SyntaxNode root)
    {
        var tokens = new List<SyntaxToken>();
        foreach (var value in root.GetAnnotatedNodes(ChangedValue))
        {
            var last = value.GetLastToken();
            tokens.Add(last);
            var next = last.GetNextToken();
            if (!HasEndOfLine(last.TrailingTrivia) && (next.IsKind(SyntaxKind.CommaToken) || next.IsKind(SyntaxKind.SemicolonToken)))
            {
                tokens.Add(next);
            }
        }

        return root.ReplaceTokens(tokens, (_, token) => token.WithTrailingTrivia(WithoutComments(token.TrailingTrivia)));
    }

    private static SyntaxTriviaList WithoutComments(SyntaxTriviaList trivia)
    {
        if (!trivia.Any(IsComment))
        {
            return trivia;
        }

        // What comes after the comments (the line break) stays; the comments and the spaces before them go.
        var lineBreak = trivia.SkipWhile(t => !t.IsKind(SyntaxKind.EndOfLineTrivia));
        var beforeComment = trivia.TakeWhile(t => !IsComment(t) && !t.IsKind(SyntaxKind.EndOfLineTrivia)).Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia));
        var kept = beforeComment.Concat(lineBreak).ToList();
        if (!kept.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) && trivia.Last().IsKind(SyntaxKind.WhitespaceTrivia))
        {
            kept.Add(SyntaxFactory.Space);
        }

        return SyntaxFactory.TriviaList(kept);
    }

    private static bool IsComment(SyntaxTrivia trivia) =>
        trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia);

    private static bool HasEndOfLine(SyntaxTriviaList trivia) => trivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
}
