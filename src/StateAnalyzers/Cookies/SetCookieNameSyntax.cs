using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Cookies;

/// <summary>
/// Whether an expression may name the Set-Cookie header, decided on syntax alone so that only the candidates get
/// bound; never a wrong "no": a literal spelling it (any case), a member named <c>SetCookie</c>
/// (<c>HeaderNames.SetCookie</c>), a constant of the project that may hold it, a name that may be a constant of a
/// referenced assembly, or an expression the compiler may fold into one (a concatenation, an interpolation, a
/// conditional). Locals and parameters (<c>dictionary.Add(key, value)</c>) are never constants from elsewhere. <see cref="CookieWriteRecognizer"/> then decides by
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
        var declarations = compilation.SyntaxTrees.SelectMany(ConstantsByTree.For).ToList();

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

    /// <summary>Each tree's constant declarations with an initializer, on syntax alone: kept for the tree's lifetime.</summary>
    private static readonly SyntaxSummaries<List<(string Name, ExpressionSyntax Value)>> ConstantsByTree = new(ConstantsIn);

    private static List<(string Name, ExpressionSyntax Value)> ConstantsIn(SyntaxTree tree)
    {
        var declarations = new List<(string Name, ExpressionSyntax Value)>();
        if (!TreeText.MayMention(tree, ConstKeyword))
        {
            return declarations;
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

        return declarations;
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
                return SyntaxNames.Rightmost(expression) is { } name
                    && (name == SetCookieMember || _constants.Contains(name) || MayBeReferencedConstant(expression));
        }
    }

    /// <summary>
    /// A name that may be a constant declared outside this compilation's source (a shared constants project): any
    /// name or member access except one that starts from a local or parameter, <c>this</c> or a call, which a
    /// constant never does.
    /// </summary>
    private static bool MayBeReferencedConstant(ExpressionSyntax expression)
    {
        while (expression is MemberAccessExpressionSyntax member)
        {
            expression = member.Expression;
        }

        return expression switch
        {
            IdentifierNameSyntax root => !IsVariable(root),
            NameSyntax or PredefinedTypeSyntax => true,
            _ => false,
        };
    }

    /// <summary>Whether a parameter or local of an enclosing member (or of the type's primary constructor) carries this name, which then hides any type.</summary>
    private static bool IsVariable(IdentifierNameSyntax name)
    {
        var text = name.Identifier.ValueText;
        for (var node = name.Parent; node is not null; node = node.Parent)
        {
            switch (node)
            {
                case TypeDeclarationSyntax type:
                    return type.ParameterList?.Parameters.Any(p => p.Identifier.ValueText == text) == true;
                case BaseNamespaceDeclarationSyntax or CompilationUnitSyntax:
                    return false;
                case MemberDeclarationSyntax member when member.DescendantNodes().Any(n => DeclaredName(n) == text):
                    return true;
            }
        }

        return false;
    }

    private static string? DeclaredName(SyntaxNode node) => node switch
    {
        VariableDeclaratorSyntax variable => variable.Identifier.ValueText,
        ParameterSyntax parameter => parameter.Identifier.ValueText,
        SingleVariableDesignationSyntax designation => designation.Identifier.ValueText,
        ForEachStatementSyntax loop => loop.Identifier.ValueText,
        CatchDeclarationSyntax caught => caught.Identifier.ValueText,
        QueryClauseSyntax clause => clause switch
        {
            FromClauseSyntax from => from.Identifier.ValueText,
            LetClauseSyntax let => let.Identifier.ValueText,
            JoinClauseSyntax join => join.Identifier.ValueText,
            _ => null,
        },
        _ => null,
    };
}
