using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StateAnalyzers.FixContract;

namespace StateAnalyzers.Rules.Reporting;

/// <summary>
/// The string a raw Set-Cookie fix edits: the value itself when it is a string literal or an interpolated string, or
/// the last operand of a concatenation when that is one. Attributes appended there end the header; anything else
/// (a constant from elsewhere, a method call, a concatenation ending in a variable, a multi-line raw string) has no
/// text the fix could extend without a concatenation, so no fix is offered.
/// </summary>
internal static class RawHeaderLiteral
{
    public static SyntaxNode? EditableEnd(SyntaxNode value)
    {
        var node = Unwrap(value);
        while (node is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
        {
            node = Unwrap(binary.Right);
        }

        return node switch
        {
            LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) => literal,
            InterpolatedStringExpressionSyntax interpolated when !interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedMultiLineRawStringStartToken) => interpolated,
            _ => null,
        };
    }

    /// <summary>
    /// The text pieces of an editable string (<see cref="EditableEnd"/>): a literal's value, or each text part of an
    /// interpolated string, with whether it starts the header value and whether a run-time hole comes before or after it.
    /// </summary>
    public static IEnumerable<(string Text, bool StartsTheValue, bool AfterHole, bool BeforeHole)> TextPieces(SyntaxNode value, SyntaxNode editable)
    {
        var isWhole = Unwrap(value) == editable;
        if (editable is LiteralExpressionSyntax { Token.Value: string text })
        {
            yield return (text, isWhole, !isWhole, false);
            yield break;
        }

        if (editable is InterpolatedStringExpressionSyntax interpolated)
        {
            var contents = interpolated.Contents;
            for (var i = 0; i < contents.Count; i++)
            {
                if (contents[i] is InterpolatedStringTextSyntax part)
                {
                    yield return (part.TextToken.ValueText, isWhole && i == 0, i > 0 || !isWhole, i < contents.Count - 1);
                }
            }
        }
    }

    /// <summary>Whether the raw fix can take the attribute <paramref name="key"/> out of the editable string.</summary>
    public static bool HoldsAttribute(SyntaxNode value, SyntaxNode editable, string key) =>
        TextPieces(value, editable).Any(p => RawAttributeText.Holds(p.Text, key, p.StartsTheValue, p.AfterHole, p.BeforeHole));

    private static SyntaxNode Unwrap(SyntaxNode node)
    {
        while (node is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized.Expression;
        }

        return node;
    }
}
