using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace StateAnalyzers.Internal;

/// <summary>The names that syntax walks filter on before anything is bound.</summary>
internal static class SyntaxNames
{
    /// <summary>
    /// The name of the method an invocation calls as written (<c>Append</c> in <c>cookies.Append(...)</c>,
    /// <c>x?.Append(...)</c>, <c>Append&lt;T&gt;(...)</c>); empty for a delegate or a call through any other expression.
    /// A method's name cannot be aliased in C#, so a call to a method of that name always spells it here.
    /// </summary>
    public static string Invoked(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        SimpleNameSyntax name => name.Identifier.ValueText,
        _ => string.Empty,
    };

    /// <summary>
    /// Whether a call name may be a pipeline registration: <c>Use</c> itself, or <c>Use</c> followed by an upper-case
    /// letter (<c>UseSession</c>, the project's own <c>UseShopDefaults</c>), not <c>User...</c>, <c>Uses...</c>, <c>Used...</c>.
    /// </summary>
    public static bool IsPipelineUse(string name) =>
        name.StartsWith(PipelineUsePrefix, System.StringComparison.Ordinal)
        && (name.Length == PipelineUsePrefix.Length || char.IsUpper(name[PipelineUsePrefix.Length]));

    public const string PipelineUsePrefix = "Use";

    /// <summary>The call whose method name is <paramref name="token"/> (<c>x.Name(...)</c>, <c>x?.Name(...)</c>, <c>Name&lt;T&gt;(...)</c>), or null.</summary>
    public static InvocationExpressionSyntax? InvocationNamedBy(SyntaxToken token)
    {
        if (token.Parent is not SimpleNameSyntax name)
        {
            return null;
        }

        SyntaxNode callee = name.Parent is MemberAccessExpressionSyntax member && member.Name == name ? member
            : name.Parent is MemberBindingExpressionSyntax binding && binding.Name == name ? binding
            : name;
        return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
    }

    /// <summary>The rightmost name of a name or member access (<c>SetCookie</c> in <c>HeaderNames.SetCookie</c>); null for other expressions.</summary>
    public static string? Rightmost(ExpressionSyntax expression) => expression switch
    {
        SimpleNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };
}
