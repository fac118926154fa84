using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using StateAnalyzers.CodeFixes.Shared;
using StateAnalyzers.FixContract;

namespace StateAnalyzers.CodeFixes.TightenCookie;

/// <summary>
/// Applies cookie-attribute edits to a solution: several diagnostics on the same node become one edit, edits in
/// nested nodes compose, inserted names are fully qualified and then simplified (a using is added where that is
/// safe), and a changed flag loses the trailing comment that argued for its old value.
/// </summary>
internal static class CookieTightener
{
    private static readonly SyntaxAnnotation RemovedStatement = new(nameof(RemovedStatement));

    public static Task<Solution> ApplyAsync(Solution solution, IEnumerable<CookieEdit> edits, CancellationToken cancellationToken) =>
        PerDocument.ApplyAsync(solution, edits, e => e.Tree, ApplyAsync, cancellationToken);

    private static async Task<Document> ApplyAsync(Document document, List<CookieEdit> edits, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return document;
        }

        var byNode = new Dictionary<SyntaxNode, List<CookieEdit>>();
        foreach (var edit in edits)
        {
            var node = Target(root.FindNode(edit.Span, getInnermostNodeForTie: true), edit);
            if (node is null)
            {
                continue;
            }

            if (!byNode.TryGetValue(node, out var list))
            {
                byNode[node] = list = new List<CookieEdit>();
            }

            list.Add(edit);
        }

        if (byNode.Count == 0)
        {
            return document;
        }

        // A removed member set by a statement of its own goes with its statement, after the other edits.
        var removed = new HashSet<SyntaxNode>(byNode
            .Where(p => p.Value.All(e => e.Remove) && p.Key is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax })
            .Select(p => p.Key.Parent!));
        foreach (var statement in removed)
        {
            byNode.Remove(((ExpressionStatementSyntax)statement).Expression);
        }

        var newLine = Usings.NewLineOf(root);
        var newRoot = root.ReplaceNodes(
            byNode.Keys.Concat(removed),
            (original, rewritten) => removed.Contains(original) ? rewritten.WithAdditionalAnnotations(RemovedStatement) : Rewrite(rewritten, byNode[original], newLine));
        newRoot = newRoot.RemoveNodes(newRoot.GetAnnotatedNodes(RemovedStatement), SyntaxRemoveOptions.KeepNoTrivia) ?? newRoot;
        newRoot = ArguingComments.Remove(newRoot);
        return await FullNames.CleanUpAsync(document, newRoot, byNode.Keys.Concat(removed).Min(n => n.SpanStart), cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxNode? Target(SyntaxNode found, CookieEdit edit)
    {
        var candidates = found.AncestorsAndSelf();
        return edit.Kind switch
        {
            CookieFixProperties.AddOptions or CookieFixProperties.BuilderLambda => candidates.OfType<InvocationExpressionSyntax>().FirstOrDefault(),
            CookieFixProperties.Initializer => candidates.OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault(),
            CookieFixProperties.Assignment => candidates.OfType<AssignmentExpressionSyntax>().FirstOrDefault() is { } assignment && IsDeconstruction(assignment)
                ? (found != assignment ? found as ExpressionSyntax : null)
                : candidates.OfType<AssignmentExpressionSyntax>().FirstOrDefault(),
            CookieFixProperties.RawHeader => candidates.OfType<ExpressionSyntax>().FirstOrDefault(e => e is LiteralExpressionSyntax or InterpolatedStringExpressionSyntax),
            CookieFixProperties.Replace => candidates.OfType<ExpressionSyntax>().FirstOrDefault(e => e.Span == edit.Span),
            _ => null,
        };
    }

    private static SyntaxNode Rewrite(SyntaxNode node, List<CookieEdit> edits, SyntaxTrivia newLine)
    {
        var first = edits[0];
        var members = edits.GroupBy(e => e.Member).Select(g => g.First()).ToList();
        return first.Kind switch
        {
            CookieFixProperties.AddOptions => edits.All(e => e.OnlyMember)
                ? OptionsWith((InvocationExpressionSyntax)node, members)
                : AddOptions((InvocationExpressionSyntax)node, edits.All(e => e.ScriptReadable)),
            CookieFixProperties.Initializer => SetInInitializer((BaseObjectCreationExpressionSyntax)node, members, newLine),
            CookieFixProperties.Assignment => node is AssignmentExpressionSyntax assignment && !IsDeconstruction(assignment)
                ? assignment.WithRight(Changed(first.Value, assignment.Right))
                : Changed(first.Value, (ExpressionSyntax)node),
            CookieFixProperties.Replace => Replaced(first.Value, (ExpressionSyntax)node),
            CookieFixProperties.BuilderLambda => SetInLambda((InvocationExpressionSyntax)node, members, newLine),
            CookieFixProperties.RawHeader => AppendRawAttributes(
                RemoveRawAttributes((ExpressionSyntax)node, edits.Select(e => e.RawRemove).OfType<string>().Distinct().ToList()),
                edits.Select(e => e.RawAttribute).Where(a => a.Length > 0).Distinct().OrderBy(RawOrder).ToList()),
            _ => node,
        };
    }

    /// <summary>The initializer without its assignments of <paramref name="member"/>.</summary>
    private static InitializerExpressionSyntax Without(InitializerExpressionSyntax initializer, string member)
    {
        var kept = initializer.Expressions;
        foreach (var assignment in initializer.Expressions.OfType<AssignmentExpressionSyntax>()
            .Where(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == member))
        {
            var index = kept.IndexOf(e => e.IsEquivalentTo(assignment));
            var wasLast = index == kept.Count - 1 && kept.SeparatorCount < kept.Count;
            kept = kept.RemoveAt(index);
            if (wasLast && kept.Count > 0)
            {
                // The last member loses its separator with it: the new last member ends as the removed one did.
                kept = kept.Replace(kept[kept.Count - 1], kept[kept.Count - 1].WithTrailingTrivia(assignment.GetTrailingTrivia()));
            }
        }

        return initializer.WithExpressions(kept);
    }

    /// <summary><c>Append(key, value)</c> with new options that set only the asked-for members (STATE010: Secure).</summary>
    private static InvocationExpressionSyntax OptionsWith(InvocationExpressionSyntax invocation, List<CookieEdit> edits)
    {
        var members = string.Join(", ", edits.Select(e => e.Member + " = " + Qualified(e.Value)));
        var options = SyntaxFactory.ParseExpression("new " + FullNames.Http("CookieOptions") + " { " + members + " }").WithAdditionalAnnotations(Formatter.Annotation);
        return invocation.AddArgumentListArguments(SyntaxFactory.Argument(FullNames.ToSimplify(options)));
    }

    /// <summary>The expression replaced by the C# the analyzer wrote (STATE010's capped lifetime), names to simplify.</summary>
    private static ExpressionSyntax Replaced(string value, ExpressionSyntax old) =>
        FullNames.ToSimplify(SyntaxFactory.ParseExpression(value)).WithTriviaFrom(old).WithAdditionalAnnotations(new SyntaxAnnotation(ArguingComments.ChangedValue));

    /// <summary>Takes the named attributes out of the text of the string (see <see cref="RawAttributeText"/>).</summary>
    private static ExpressionSyntax RemoveRawAttributes(ExpressionSyntax value, List<string> keys)
    {
        if (keys.Count == 0)
        {
            return value;
        }

        string Strip(string text, bool starts, bool afterHole, bool beforeHole) =>
            keys.Aggregate(text, (current, key) => RawAttributeText.Without(current, key, starts, afterHole, beforeHole));

        var whole = value.Parent is not BinaryExpressionSyntax;
        switch (value)
        {
            case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                var stripped = Strip(text, whole, !whole, false);
                return stripped == text ? literal : literal.WithToken(SyntaxFactory.Literal(stripped).WithTriviaFrom(literal.Token));
            case InterpolatedStringExpressionSyntax interpolated:
                var contents = interpolated.Contents;
                var parts = new Dictionary<InterpolatedStringTextSyntax, InterpolatedStringTextSyntax>();
                for (var i = 0; i < contents.Count; i++)
                {
                    if (contents[i] is InterpolatedStringTextSyntax part)
                    {
                        // Attribute names and values hold no braces or quotes: the text is the same in every kind of interpolated string.
                        var rest = Strip(part.TextToken.Text, whole && i == 0, i > 0 || !whole, i < contents.Count - 1);
                        if (rest != part.TextToken.Text)
                        {
                            parts[part] = part.WithTextToken(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, rest, rest, default));
                        }
                    }
                }

                return parts.Count == 0 ? interpolated : interpolated.ReplaceNodes(parts.Keys, (original, _) => parts[original]);
            default:
                return value;
        }
    }

    /// <summary><c>(o.Secure, x) = (false, 0)</c>: the diagnostic points at the one tuple element to replace.</summary>
    private static bool IsDeconstruction(AssignmentExpressionSyntax assignment) => assignment.Left is TupleExpressionSyntax or DeclarationExpressionSyntax;

    private static InvocationExpressionSyntax AddOptions(InvocationExpressionSyntax invocation, bool scriptReadable)
    {
        var members = scriptReadable
            ? "Secure = true, SameSite = " + FullNames.Http("SameSiteMode.Lax")
            : "HttpOnly = true, Secure = true, SameSite = " + FullNames.Http("SameSiteMode.Lax");
        var options = SyntaxFactory.ParseExpression("new " + FullNames.Http("CookieOptions") + " { " + members + " }").WithAdditionalAnnotations(Formatter.Annotation);
        return invocation.AddArgumentListArguments(SyntaxFactory.Argument(FullNames.ToSimplify(options)));
    }

    private static SyntaxNode SetInInitializer(BaseObjectCreationExpressionSyntax creation, List<CookieEdit> edits, SyntaxTrivia newLine)
    {
        var initializer = creation.Initializer
            ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SeparatedList<ExpressionSyntax>());
        foreach (var edit in edits)
        {
            var existing = initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                .LastOrDefault(a => a.Left is IdentifierNameSyntax name && name.Identifier.ValueText == edit.Member);
            if (edit.Remove)
            {
                initializer = Without(initializer, edit.Member);
                continue;
            }

            initializer = existing is not null
                ? initializer.ReplaceNode(existing, existing.WithRight(Changed(edit.Value, existing.Right)))
                : InitializerMembers.Add(initializer, SyntaxFactory.AssignmentExpression(
                    SyntaxKind.SimpleAssignmentExpression,
                    SyntaxFactory.IdentifierName(edit.Member),
                    Expression(edit.Value)), newLine);
        }

        if (creation.Initializer is null)
        {
            initializer = initializer.WithAdditionalAnnotations(Formatter.Annotation);
            if (creation is ObjectCreationExpressionSyntax explicitCreation && explicitCreation.ArgumentList is { Arguments.Count: 0 } arguments)
            {
                // new CookieOptions() { ... } reads worse than new CookieOptions { ... }.
                return explicitCreation.WithArgumentList(null).WithType(explicitCreation.Type.WithTrailingTrivia(arguments.GetTrailingTrivia()))
                    .WithInitializer(initializer);
            }
        }

        return creation.WithInitializer(initializer);
    }

    private static InvocationExpressionSyntax SetInLambda(InvocationExpressionSyntax invocation, List<CookieEdit> edits, SyntaxTrivia newLine)
    {
        var lambda = invocation.ArgumentList.Arguments.Select(a => a.Expression).OfType<LambdaExpressionSyntax>().LastOrDefault();
        if (lambda is null)
        {
            var assignments = string.Join("; ", edits.Select(e => "options.Cookie." + e.Member + " = " + Qualified(e.Value)));
            var added = SyntaxFactory.ParseExpression(edits.Count == 1 ? "options => " + assignments : "options => { " + assignments + "; }")
                .WithAdditionalAnnotations(Formatter.Annotation);
            return invocation.AddArgumentListArguments(SyntaxFactory.Argument(FullNames.ToSimplify(added)));
        }

        var parameter = lambda switch
        {
            SimpleLambdaExpressionSyntax simple => simple.Parameter.Identifier.ValueText,
            ParenthesizedLambdaExpressionSyntax parenthesized => parenthesized.ParameterList.Parameters.First().Identifier.ValueText,
            _ => "options",
        };
        var statements = edits.Select(e => FullNames.ToSimplify(SyntaxFactory.ParseStatement(parameter + ".Cookie." + e.Member + " = " + Qualified(e.Value) + ";"))
            .WithAdditionalAnnotations(Formatter.Annotation)).ToArray();
        LambdaExpressionSyntax updated;
        if (lambda.Block is { } block)
        {
            updated = lambda.WithBlock(block.AddStatements(statements));
        }
        else
        {
            var lines = new[] { (StatementSyntax)SyntaxFactory.ExpressionStatement(lambda.ExpressionBody!.WithoutTrivia()) }
                .Concat(statements)
                .Select(statement => statement.WithTrailingTrivia(newLine));
            var body = SyntaxFactory.Block(
                    SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(newLine).WithTrailingTrivia(newLine),
                    SyntaxFactory.List(lines),
                    SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
                .WithAdditionalAnnotations(Formatter.Annotation);
            updated = lambda.WithArrowToken(lambda.ArrowToken.WithTrailingTrivia()).WithExpressionBody(null).WithBlock(body)
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        return invocation.ReplaceNode(lambda, updated);
    }

    /// <summary>
    /// Edits the one string the analyzer pointed at (the last piece of the header value): the attributes join its
    /// text, so the header stays one literal rather than a chain of concatenations.
    /// </summary>
    private static ExpressionSyntax AppendRawAttributes(ExpressionSyntax value, List<string> attributes)
    {
        if (attributes.Count == 0)
        {
            return value;
        }

        var suffix = string.Concat(attributes.Select(a => "; " + a));
        switch (value)
        {
            case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                return literal.WithToken(SyntaxFactory.Literal(text.TrimEnd().TrimEnd(';') + suffix).WithTriviaFrom(literal.Token));
            case InterpolatedStringExpressionSyntax interpolated:
                // The attributes hold no braces, quotes or backslashes: the same text is valid in every kind of interpolated string.
                if (interpolated.Contents.LastOrDefault() is InterpolatedStringTextSyntax last)
                {
                    var merged = last.TextToken.Text.TrimEnd().TrimEnd(';') + suffix;
                    return interpolated.ReplaceNode(last, last.WithTextToken(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, merged, merged, default)));
                }

                return interpolated.AddContents(SyntaxFactory.InterpolatedStringText(SyntaxFactory.Token(default, SyntaxKind.InterpolatedStringTextToken, suffix, suffix, default)));
            default:
                return value;
        }
    }

    private static int RawOrder(string attribute) => attribute switch
    {
        "HttpOnly" => 0,
        "Secure" => 1,
        _ => 2,
    };

    /// <summary>The fixed value; a <c>Type.Member</c> value is written fully qualified, to be simplified.</summary>
    private static ExpressionSyntax Expression(string value) =>
        value.IndexOf('.') > 0 ? FullNames.ToSimplify(SyntaxFactory.ParseExpression(Qualified(value))) : SyntaxFactory.ParseExpression(value);

    /// <summary>A replaced value, marked so that the comment trailing it (which argued for the old value) goes.</summary>
    private static ExpressionSyntax Changed(string value, ExpressionSyntax old) =>
        Expression(value).WithTriviaFrom(old).WithAdditionalAnnotations(new SyntaxAnnotation(ArguingComments.ChangedValue));

    private static string Qualified(string value) => value.IndexOf('.') > 0 ? FullNames.Http(value) : value;
}
