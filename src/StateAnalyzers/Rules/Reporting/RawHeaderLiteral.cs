using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

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

    private static SyntaxNode Unwrap(SyntaxNode node)
    {
        while (node is ParenthesizedExpressionSyntax parenthesized)
        {
            node = parenthesized.Expression;
        }

        return node;
    }
}
