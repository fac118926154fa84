using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.TightenCookie;

/// <summary>
/// Adds a member to an object initializer the way a person would: on one line with the others when they share a
/// line; else on a line of its own, indented like the last member, with the comma after that member (before its
/// trailing comment, which stays with it) and a trailing comma only where the initializer already had one.
/// </summary>
internal static class InitializerMembers
{
    public static InitializerExpressionSyntax Add(InitializerExpressionSyntax initializer, ExpressionSyntax member, SyntaxTrivia newLine)
    {
        var expressions = initializer.Expressions;
        if (expressions.Count == 0 || !StartsItsOwnLine(expressions.Last()))
        {
            return initializer.AddExpressions(member.WithAdditionalAnnotations(Formatter.Annotation));
        }

        var endOfLine = SyntaxFactory.EndOfLine(newLine.ToFullString());
        var last = expressions.Last();
        var nodes = expressions.ToList();
        var separators = expressions.GetSeparators().ToList();
        var added = member.WithLeadingTrivia(StatementEdits.Indentation(last));
        if (separators.Count == expressions.Count)
        {
            // A trailing comma: the new member gets one too; the old one keeps its comment.
            var oldSeparator = separators[separators.Count - 1];
            var lineEnd = HasEndOfLine(oldSeparator.TrailingTrivia) ? SyntaxFactory.TriviaList(endOfLine) : oldSeparator.TrailingTrivia;
            if (!HasEndOfLine(oldSeparator.TrailingTrivia))
            {
                separators[separators.Count - 1] = oldSeparator.WithTrailingTrivia(endOfLine);
            }

            nodes.Add(added);
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(lineEnd));
        }
        else
        {
            // The comma goes right after the last member, before its trailing comment and line break.
            var trailing = last.GetTrailingTrivia();
            var ownLine = HasEndOfLine(trailing);
            nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
            separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(ownLine ? trailing : SyntaxFactory.TriviaList(endOfLine)));
            nodes.Add(added.WithTrailingTrivia(ownLine ? SyntaxFactory.TriviaList(endOfLine) : trailing));
        }

        return initializer.WithExpressions(SyntaxFactory.SeparatedList(nodes, separators));
    }

    private static bool StartsItsOwnLine(SyntaxNode member) =>
        HasEndOfLine(member.GetFirstToken().GetPreviousToken().TrailingTrivia);

    private static bool HasEndOfLine(IEnumerable<SyntaxTrivia> trivia) => trivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
}
