using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StateAnalyzers.Model
{
    /// <summary>
    /// Whether an expression may name the Set-Cookie header, decided on syntax alone so that only the candidates get
    /// bound; never a wrong "no": a literal spelling it (any case), a member named <c>SetCookie</c>
    /// (<c>HeaderNames.SetCookie</c>), a constant of the project that may hold it, or an expression the compiler may fold
    /// into one (a concatenation, an interpolation, a conditional). <see cref="CookieWriteRecognizer"/> then decides by
    /// the bound constant value or symbol.
    /// </summary>
    internal sealed class SetCookieNameSyntax
    {
        private const string SetCookieHeader = "Set-Cookie";
        private const string SetCookieMember = "SetCookie";
        private static readonly string[] ConstKeyword = { "const" };
        private readonly HashSet<string> _constants;

        private SetCookieNameSyntax(HashSet<string> constants)
        {
            _constants = constants;
        }

        /// <summary>The constants (fields and locals) of the compilation that may hold the header name, through other constants too.</summary>
        public static SetCookieNameSyntax Gather(Compilation compilation)
        {
            var declarations = new List<(string Name, ExpressionSyntax Value)>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!TreeText.MayMention(tree, ConstKeyword))
                {
                    continue;
                }

                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    var variables = node switch
                    {
                        FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword) => field.Declaration,
                        LocalDeclarationStatementSyntax local when local.IsConst => local.Declaration,
                        _ => null,
                    };
                    foreach (var variable in variables?.Variables ?? default)
                    {
                        if (variable.Initializer is { } initializer)
                        {
                            declarations.Add((variable.Identifier.ValueText, initializer.Value));
                        }
                    }
                }
            }

            var names = new SetCookieNameSyntax(new HashSet<string>(StringComparer.Ordinal));
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var (name, value) in declarations)
                {
                    if (!names._constants.Contains(name) && names.MayName(value))
                    {
                        names._constants.Add(name);
                        changed = true;
                    }
                }
            }

            return names;
        }

        public bool MayName(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    return literal.Token.Value is string text && string.Equals(text, SetCookieHeader, StringComparison.OrdinalIgnoreCase);
                case ParenthesizedExpressionSyntax parenthesized:
                    return MayName(parenthesized.Expression);
                case CastExpressionSyntax cast:
                    return MayName(cast.Expression);
                case PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed:
                    return MayName(suppressed.Operand);
                case ConditionalExpressionSyntax conditional:
                    return MayName(conditional.WhenTrue) || MayName(conditional.WhenFalse);
                case BinaryExpressionSyntax or InterpolatedStringExpressionSyntax:
                    return true;
                default:
                    return SyntaxNames.Rightmost(expression) is { } name && (name == SetCookieMember || _constants.Contains(name));
            }
        }
    }
}
