using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.CodeFixes.Shared;
using StateAnalyzers.Session;

namespace StateAnalyzers.CodeFixes.MoveToSession;

/// <summary>
/// Moves cookies into the session: each write becomes <c>Session.SetString</c> (or <c>SetInt32</c>), and, for a
/// constant cookie name, the project's reads of that cookie become session reads (<c>Request.Cookies[key]</c>,
/// <c>TryGetValue</c>, <c>ContainsKey</c>) and its deletes become <c>Session.Remove</c>.
/// </summary>
internal static class SessionMover
{
    private const string RemoveBeside = "StateAnalyzers.RemoveBeside";

    public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<SessionMove> moves, CancellationToken cancellationToken)
    {
        var original = solution;
        var edits = new Dictionary<DocumentId, List<SessionEdit>>();
        foreach (var move in moves)
        {
            var document = original.GetDocument(move.Write.SourceTree);
            if (document is null)
            {
                continue;
            }

            Add(edits, document.Id, new SessionEdit(move.Write.SourceSpan, "write", move.Session, move));
        }

        // Reads of the moved keys, per project of the writes (keys are case-sensitive, like cookie names).
        var readKeys = moves.Where(m => m.Key is not null)
            .Select(m => (Project: original.GetDocument(m.Write.SourceTree)?.Project, Move: m))
            .Where(p => p.Project is not null)
            .GroupBy(p => p.Project!.Id);
        foreach (var byProject in readKeys)
        {
            var keys = byProject.GroupBy(p => p.Move.Key!).ToDictionary(g => g.Key, g => g.First().Move);
            foreach (var document in original.GetProject(byProject.Key)!.Documents)
            {
                foreach (var read in await FindReadsAsync(document, keys, cancellationToken).ConfigureAwait(false))
                {
                    Add(edits, document.Id, read);
                }
            }
        }

        foreach (var pair in edits)
        {
            var document = solution.GetDocument(pair.Key)!;
            solution = (await RewriteAsync(document, pair.Value, cancellationToken).ConfigureAwait(false)).Project.Solution;
        }

        return solution;
    }

    /// <summary>
    /// The session extensions (<c>SetString</c>, <c>GetString</c>) need <c>using Microsoft.AspNetCore.Http;</c>: a file
    /// that lacks it and where it would make a name ambiguous (the <c>SameSiteMode</c> of
    /// <c>Microsoft.Net.Http.Headers</c>) gets no fix rather than one that does not compile.
    /// </summary>
    public static async Task<bool> CanApplyAsync(Document document, SessionMove move, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        return root is not null && model is not null
            && (Usings.InScope(model, move.Write.SourceSpan.Start, "SessionExtensions") || Usings.SafeToAdd(model, root));
    }

    private static void Add(Dictionary<DocumentId, List<SessionEdit>> edits, DocumentId id, SessionEdit edit)
    {
        if (!edits.TryGetValue(id, out var list))
        {
            edits[id] = list = new List<SessionEdit>();
        }

        if (!list.Any(e => e.Span == edit.Span))
        {
            list.Add(edit);
        }
    }

    /// <summary>Reads and deletes of the given constant keys in one document, with the session text for each place.</summary>
    private static async Task<List<SessionEdit>> FindReadsAsync(Document document, Dictionary<string, SessionMove> keys, CancellationToken cancellationToken)
    {
        var found = new List<SessionEdit>();
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        var cookieModel = model is null ? null : CompilationModel.For(model.Compilation);
        if (root is null || model is null || cookieModel is null)
        {
            return found;
        }

        foreach (var node in root.DescendantNodes().Where(n => n is ElementAccessExpressionSyntax or InvocationExpressionSyntax))
        {
            var operation = model.GetOperation(node, cancellationToken);
            var (kind, key, cookies) = Classify(operation);
            if (kind is null || key is null || !keys.TryGetValue(key, out var move))
            {
                continue;
            }

            var session = SessionAccessor.For(cookieModel.Types, operation!, cookies);
            if (session is not null)
            {
                found.Add(new SessionEdit(node.Span, kind, session, move));
            }
        }

        return found;
    }

    /// <summary>What a node does with a request or response cookie: "index", "try", "contains" or "delete", the key, and the cookies collection.</summary>
    private static (string? Kind, string? Key, IOperation? Cookies) Classify(IOperation? operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true } indexer when IsRequestCookies(indexer.Property.ContainingType):
                return ("index", indexer.Arguments.FirstOrDefault()?.Value.ConstantValue.Value as string, indexer.Instance);
            case IInvocationOperation invocation when IsRequestCookies(invocation.TargetMethod.ContainingType) && invocation.TargetMethod.Name is "TryGetValue" or "ContainsKey":
                return (invocation.TargetMethod.Name == "TryGetValue" ? "try" : "contains", invocation.Arguments.FirstOrDefault()?.Value.ConstantValue.Value as string, invocation.Instance);
            case IInvocationOperation invocation when invocation.TargetMethod.Name == "Delete"
                && invocation.TargetMethod.ContainingType?.ToDisplayString() == "Microsoft.AspNetCore.Http.IResponseCookies":
                return ("delete", invocation.Arguments.FirstOrDefault()?.Value.ConstantValue.Value as string, invocation.Instance);
            default:
                return (null, null, null);
        }
    }

    private static bool IsRequestCookies(ITypeSymbol? type) =>
        type?.ToDisplayString() == "Microsoft.AspNetCore.Http.IRequestCookieCollection";

    private static async Task<Document> RewriteAsync(Document document, List<SessionEdit> edits, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return document;
        }

        var targets = new Dictionary<SyntaxNode, SessionEdit>();
        foreach (var edit in edits)
        {
            var node = root.FindNode(edit.Span, getInnermostNodeForTie: true)
                .AncestorsAndSelf()
                .FirstOrDefault(n => n is InvocationExpressionSyntax or ElementAccessExpressionSyntax && n.Span == edit.Span);
            if (node is not null)
            {
                targets[node] = edit;
            }
        }

        if (targets.Count == 0)
        {
            return document;
        }

        var needsUsing = !Usings.InScope(model, targets.Keys.First().SpanStart, "SessionExtensions");
        var newRoot = root.ReplaceNodes(targets.Keys, (original, rewritten) => Rewrite(original, rewritten, targets[original]));
        newRoot = KeepDeletes(newRoot);
        if (needsUsing)
        {
            newRoot = Usings.Add(newRoot, Usings.NewLineOf(root));
        }

        return await Formatter.FormatAsync(document.WithSyntaxRoot(newRoot), Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static SyntaxNode Rewrite(SyntaxNode original, SyntaxNode rewritten, SessionEdit edit)
    {
        var (kind, session, move) = (edit.Kind, edit.Session, edit.Move);
        var key = KeyText(rewritten);
        var read = move.IntValue is null ? session + ".GetString(" + key + ")" : session + ".GetInt32(" + key + ")?.ToString()";
        string text;
        switch (kind)
        {
            case "write":
                var arguments = ((InvocationExpressionSyntax)rewritten).ArgumentList.Arguments;
                var value = move.IntValue ?? arguments.First(a => a != arguments[0]).Expression.ToString();
                text = session + (move.IntValue is null ? ".SetString(" : ".SetInt32(") + arguments[0].Expression + ", " + value + ")";
                break;
            case "index":
                text = read;
                break;
            case "contains":
                text = Parenthesize(original, read + " is not null");
                break;
            case "try":
                var output = ((InvocationExpressionSyntax)rewritten).ArgumentList.Arguments.Skip(1).FirstOrDefault()?.Expression;
                text = output is DeclarationExpressionSyntax { Designation: SingleVariableDesignationSyntax variable }
                    ? Parenthesize(original, read + " is { } " + variable.Identifier.ValueText)
                    : Parenthesize(original, "(" + output + " = " + read + ") is not null");
                break;
            default:
                // The cookie delete stays: browsers that still hold the old cookie must lose it.
                return rewritten.WithAdditionalAnnotations(new SyntaxAnnotation(RemoveBeside, session + ".Remove(" + key + ");"));
        }

        return SyntaxFactory.ParseExpression(text).WithTriviaFrom(rewritten).WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>
    /// Puts <c>Session.Remove</c> before each kept cookie delete: in its statement list (taking over the comments
    /// above it), or in a new block around an embedded statement. A delete that is not a statement of its own
    /// (an expression-bodied member) stays alone: the session entry then lives until the session ends.
    /// </summary>
    private static SyntaxNode KeepDeletes(SyntaxNode root)
    {
        while (root.GetAnnotatedNodes(RemoveBeside).FirstOrDefault() is { } delete)
        {
            var remove = SyntaxFactory.ParseStatement(delete.GetAnnotations(RemoveBeside).First().Data!);
            var cleared = delete.WithoutAnnotations(RemoveBeside);
            if (delete.Parent is not ExpressionStatementSyntax statement)
            {
                root = root.ReplaceNode(delete, cleared);
                continue;
            }

            var updated = statement.ReplaceNode(delete, cleared);
            var newLine = SyntaxFactory.EndOfLine(Usings.NewLineOf(root).ToFullString());
            if (StatementEdits.Locate(statement) is null)
            {
                var block = SyntaxFactory.Block(
                        SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(newLine),
                        SyntaxFactory.List(new[] { remove.WithTrailingTrivia(newLine), updated.WithoutTrivia().WithTrailingTrivia(newLine) }),
                        SyntaxFactory.Token(SyntaxKind.CloseBraceToken))
                    .WithTriviaFrom(statement)
                    .WithAdditionalAnnotations(Formatter.Annotation);
                root = root.ReplaceNode(statement, block);
                continue;
            }

            var item = statement.Parent is GlobalStatementSyntax global ? (SyntaxNode)global : statement;
            var laidOut = remove.WithLeadingTrivia(item.GetLeadingTrivia()).WithTrailingTrivia(newLine);
            var before = item is GlobalStatementSyntax ? (SyntaxNode)SyntaxFactory.GlobalStatement(laidOut) : laidOut;
            var kept = (item is GlobalStatementSyntax topLevel ? topLevel.WithStatement(updated) : (SyntaxNode)updated).WithLeadingTrivia(StatementEdits.Indentation(item));
            root = root.ReplaceNode(item, new[] { before, kept });
        }

        return root;
    }

    private static string KeyText(SyntaxNode node) => node switch
    {
        InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments[0].Expression.ToString(),
        ElementAccessExpressionSyntax access => access.ArgumentList.Arguments[0].Expression.ToString(),
        _ => string.Empty,
    };

    /// <summary>A pattern replaces a bool call: keep it one operand where it sits inside a larger expression.</summary>
    private static string Parenthesize(SyntaxNode original, string text) =>
        original.Parent is PrefixUnaryExpressionSyntax or BinaryExpressionSyntax or ConditionalExpressionSyntax or MemberAccessExpressionSyntax
            ? "(" + text + ")"
            : text;

    /// <summary>One node to rewrite: the write itself, or a read ("index", "try", "contains") or delete of its key.</summary>
    private sealed class SessionEdit
    {
        public SessionEdit(Microsoft.CodeAnalysis.Text.TextSpan span, string kind, string session, SessionMove move)
        {
            Span = span;
            Kind = kind;
            Session = session;
            Move = move;
        }

        public Microsoft.CodeAnalysis.Text.TextSpan Span { get; }

        public string Kind { get; }

        /// <summary>The session expression valid at this node (reads may sit in other classes than the write).</summary>
        public string Session { get; }

        public SessionMove Move { get; }
    }
}
