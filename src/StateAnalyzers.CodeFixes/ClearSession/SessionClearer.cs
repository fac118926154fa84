using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Text;
using StateAnalyzers.CodeFixes.Shared;

namespace StateAnalyzers.CodeFixes.ClearSession;

/// <summary>
/// Inserts <c>&lt;session&gt;.Clear();</c> just before the statement that signs out. An expression-bodied method or
/// lambda becomes a block (<c>{ HttpContext.Session.Clear(); return SignOut(); }</c>), a statement that is not in a
/// block (<c>if (x) await ...;</c>) is wrapped in one, and a minimal-API handler without an <c>HttpContext</c> gets
/// one as a parameter. A sign-out that runs only sometimes inside its statement (one branch of <c>?:</c>, the right
/// side of <c>&amp;&amp;</c>) is left alone: clearing before the statement would clear when no one signs out.
/// </summary>
internal static class SessionClearer
{
    private const string HttpContextType = "HttpContext";

    public static Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<SessionClear> clears, CancellationToken cancellationToken) =>
        PerDocument.ApplyAsync(solution, clears, c => c.Tree, ApplyAsync, cancellationToken);

    /// <summary>Whether the fix can insert the Clear() for this finding (the fix is offered only then).</summary>
    public static async Task<bool> CanApplyAsync(Document document, SessionClear clear, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && model is not null && Call(root, clear.Span) is { } call
            && Plan(new StatementEdits(Usings.NewLineOf(root)), new HashSet<SyntaxNode>(), model, call, clear, Usings.NewLineOf(root));
    }

    private static async Task<Document> ApplyAsync(Document document, List<SessionClear> clears, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var newLine = Usings.NewLineOf(root);
        var edits = new StatementEdits(newLine);
        var parameterAdded = new HashSet<SyntaxNode>();
        var position = -1;
        foreach (var clear in clears.OrderBy(c => c.Span.Start))
        {
            if (Call(root, clear.Span) is { } call && Plan(edits, parameterAdded, model, call, clear, newLine) && position < 0)
            {
                position = call.SpanStart;
            }
        }

        if (edits.IsEmpty)
        {
            return document;
        }

        return await FullNames.CleanUpAsync(document, edits.Apply(root), Math.Max(position, 0), cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxNode? Call(SyntaxNode root, TextSpan span) =>
        root.FindNode(span, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .FirstOrDefault(n => n.Span == span && n is InvocationExpressionSyntax or BaseObjectCreationExpressionSyntax);

    /// <summary>Records the edit for one sign-out; false when it cannot be fixed safely.</summary>
    private static bool Plan(StatementEdits edits, HashSet<SyntaxNode> parameterAdded, SemanticModel model, SyntaxNode call, SessionClear clear, SyntaxTrivia newLine)
    {
        ParenthesizedLambdaExpressionSyntax? handler = null;
        if (clear.AddParameter is not null)
        {
            handler = call.Ancestors().OfType<AnonymousFunctionExpressionSyntax>().FirstOrDefault() as ParenthesizedLambdaExpressionSyntax;
            if (handler is null)
            {
                return false;
            }
        }

        var clearStatement = SyntaxFactory.ParseStatement(clear.Session + ".Clear();");
        var child = call;
        for (var parent = call.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case ConditionalExpressionSyntax conditional when child != conditional.Condition:
                case BinaryExpressionSyntax binary when child == binary.Right
                    && (binary.IsKind(SyntaxKind.LogicalAndExpression) || binary.IsKind(SyntaxKind.LogicalOrExpression) || binary.IsKind(SyntaxKind.CoalesceExpression)):
                case ConditionalAccessExpressionSyntax access when child == access.WhenNotNull:
                case SwitchExpressionArmSyntax:
                    return false;
                case ArrowExpressionClauseSyntax arrow when arrow.Parent is MethodDeclarationSyntax or LocalFunctionStatementSyntax:
                    var returns = ReturnsValue(model.GetDeclaredSymbol(arrow.Parent) as IMethodSymbol);
                    edits.Rewrite(arrow.Parent, member => ToBlockBody(member, clearStatement, returns, newLine));
                    AddParameter(edits, parameterAdded, handler, clear);
                    return true;
                case ArrowExpressionClauseSyntax:
                    return false;
                case LambdaExpressionSyntax lambda when child == lambda.ExpressionBody:
                    var lambdaReturns = ReturnsValue(model.GetSymbolInfo(lambda).Symbol as IMethodSymbol);
                    AddParameter(edits, parameterAdded, handler, clear);
                    edits.Rewrite(lambda, rewritten => LambdaToBlock((LambdaExpressionSyntax)rewritten, clearStatement, lambdaReturns, newLine));
                    return true;
                case StatementSyntax statement when statement is not BlockSyntax:
                    if (StatementEdits.Locate(statement) is { } place)
                    {
                        edits.Insert(place.List, place.Index, new[] { clearStatement }, InsertLayout.TakeLeadingTrivia, key: (place.Index, clear.Session));
                    }
                    else if (!edits.HasRewrite(statement))
                    {
                        edits.Rewrite(statement, rewritten => WrapInBlock((StatementSyntax)rewritten, clearStatement, newLine));
                    }

                    AddParameter(edits, parameterAdded, handler, clear);
                    return true;
                case MemberDeclarationSyntax:
                case AnonymousFunctionExpressionSyntax:
                    return false;
            }
        }

        return false;
    }

    private static void AddParameter(StatementEdits edits, HashSet<SyntaxNode> parameterAdded, ParenthesizedLambdaExpressionSyntax? handler, SessionClear clear)
    {
        if (handler is not null && clear.AddParameter is { } name && parameterAdded.Add(handler))
        {
            edits.Rewrite(handler, rewritten => WithHttpContextParameter((ParenthesizedLambdaExpressionSyntax)rewritten, name));
        }
    }

    /// <summary>Whether the expression body returns its value (else it is a statement: void, or an async Task method).</summary>
    private static bool ReturnsValue(IMethodSymbol? method)
    {
        if (method is null)
        {
            return true;
        }

        if (method.ReturnsVoid)
        {
            return false;
        }

        return !(method.IsAsync
            && method.ReturnType is INamedTypeSymbol { Arity: 0, Name: "Task" or "ValueTask" } task
            && task.ContainingNamespace?.ToDisplayString() == "System.Threading.Tasks");
    }

    private static BlockSyntax Body(ExpressionSyntax expression, StatementSyntax clear, bool returns, SyntaxTrivia newLine)
    {
        StatementSyntax last = returns
            ? SyntaxFactory.ReturnStatement(SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space), expression.WithoutTrivia(), SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            : SyntaxFactory.ExpressionStatement(expression.WithoutTrivia());
        return SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(newLine).WithTrailingTrivia(newLine),
                SyntaxFactory.List(new[] { clear.WithTrailingTrivia(newLine), last.WithTrailingTrivia(newLine) }),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static SyntaxNode ToBlockBody(SyntaxNode member, StatementSyntax clear, bool returns, SyntaxTrivia newLine)
    {
        switch (member)
        {
            case MethodDeclarationSyntax { ExpressionBody: { } arrow } method:
                var methodBody = Body(arrow.Expression, clear, returns, newLine);
                methodBody = methodBody.WithCloseBraceToken(methodBody.CloseBraceToken.WithTrailingTrivia(method.SemicolonToken.TrailingTrivia));
                method = method.ReplaceToken(arrow.ArrowToken.GetPreviousToken(), arrow.ArrowToken.GetPreviousToken().WithTrailingTrivia());
                return method.WithExpressionBody(null).WithSemicolonToken(default).WithBody(methodBody);
            case LocalFunctionStatementSyntax { ExpressionBody: { } arrow } local:
                var localBody = Body(arrow.Expression, clear, returns, newLine);
                localBody = localBody.WithCloseBraceToken(localBody.CloseBraceToken.WithTrailingTrivia(local.SemicolonToken.TrailingTrivia));
                local = local.ReplaceToken(arrow.ArrowToken.GetPreviousToken(), arrow.ArrowToken.GetPreviousToken().WithTrailingTrivia());
                return local.WithExpressionBody(null).WithSemicolonToken(default).WithBody(localBody);
            default:
                return member;
        }
    }

    private static LambdaExpressionSyntax LambdaToBlock(LambdaExpressionSyntax lambda, StatementSyntax clear, bool returns, SyntaxTrivia newLine)
    {
        if (lambda.ExpressionBody is not { } expression)
        {
            return lambda;
        }

        return lambda.WithArrowToken(lambda.ArrowToken.WithTrailingTrivia())
            .WithExpressionBody(null)
            .WithBlock(Body(expression, clear, returns, newLine).WithTrailingTrivia(expression.GetTrailingTrivia()))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static BlockSyntax WrapInBlock(StatementSyntax statement, StatementSyntax clear, SyntaxTrivia newLine) =>
        SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine),
                SyntaxFactory.List(new[] { clear.WithTrailingTrivia(newLine), statement.WithoutTrivia().WithTrailingTrivia(newLine) }),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(statement.GetTrailingTrivia()))
            .WithAdditionalAnnotations(Formatter.Annotation);

    private static ParenthesizedLambdaExpressionSyntax WithHttpContextParameter(ParenthesizedLambdaExpressionSyntax lambda, string name)
    {
        var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(name))
            .WithType(FullNames.ToSimplify(SyntaxFactory.ParseTypeName(FullNames.Http(HttpContextType))).WithTrailingTrivia(SyntaxFactory.Space));
        var existing = lambda.ParameterList.Parameters;
        var parameters = SyntaxFactory.SeparatedList(
            existing.Concat(new[] { parameter }),
            Enumerable.Repeat(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space), existing.Count));
        return lambda.WithParameterList(lambda.ParameterList.WithParameters(parameters));
    }
}
