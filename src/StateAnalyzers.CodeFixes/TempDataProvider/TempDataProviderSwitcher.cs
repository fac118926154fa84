using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StateAnalyzers.CodeFixes.ConfigureSession;

namespace StateAnalyzers.CodeFixes.TempDataProvider;

/// <summary>
/// Appends <c>.AddSessionStateTempDataProvider()</c> to each MVC registration, then lets <see cref="SessionConfigurer"/>
/// write the session configuration the host lacks. The hosts are marked before the first edit so that their new
/// places are known when the session is configured after it; every edit of a Fix All is made in one pass.
/// </summary>
internal static class TempDataProviderSwitcher
{
    private const string SessionProvider = "AddSessionStateTempDataProvider";

    public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<TempDataProviderSwitch> switches, CancellationToken cancellationToken)
    {
        var registrations = switches.Select(s => s.Registration).Distinct().ToList();
        var hosts = switches.Where(s => s.Session is not null)
            .GroupBy(s => s.Session!.Host)
            .Select(g => (Configuration: g.First().Session!, Mark: new SyntaxAnnotation()))
            .ToList();

        var trees = registrations.Select(r => r.SourceTree).Concat(hosts.Select(h => h.Configuration.Host.SourceTree)).Distinct().ToList();
        var marked = new List<(DocumentId Document, SyntaxAnnotation Mark, SessionConfiguration Configuration)>();
        foreach (var tree in trees)
        {
            if (tree is null || solution.GetDocument(tree) is not { } document || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            var extend = registrations.Where(r => r.SourceTree == tree).Select(r => Registration(root, r)).OfType<InvocationExpressionSyntax>().ToList();
            var mark = new Dictionary<SyntaxNode, SyntaxAnnotation>();
            foreach (var (configuration, annotation) in hosts.Where(h => h.Configuration.Host.SourceTree == tree))
            {
                if (Host(root, configuration.Host) is { } host)
                {
                    mark[host] = annotation;
                    marked.Add((document.Id, annotation, configuration));
                }
            }

            var newRoot = root.ReplaceNodes(
                extend.Cast<SyntaxNode>().Concat(mark.Keys),
                (original, current) =>
                {
                    var node = extend.Contains(original) ? WithSessionProvider((InvocationExpressionSyntax)current) : current;
                    return mark.TryGetValue(original, out var annotation) ? node.WithAdditionalAnnotations(annotation) : node;
                });
            solution = solution.WithDocumentSyntaxRoot(document.Id, newRoot);
        }

        var configurations = new List<SessionConfiguration>();
        foreach (var (documentId, annotation, configuration) in marked)
        {
            var root = await solution.GetDocument(documentId)!.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root?.GetAnnotatedNodes(annotation).FirstOrDefault() is { } host)
            {
                configurations.Add(configuration.At(host.GetLocation()));
            }
        }

        return configurations.Count == 0 ? solution : await SessionConfigurer.ApplyAsync(solution, configurations, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Offered when the registration is where the diagnostic says, and the session configuration, if any is needed, can be written.</summary>
    public static async Task<bool> CanApplyAsync(Solution solution, TempDataProviderSwitch edit, CancellationToken cancellationToken)
    {
        if (edit.Registration.SourceTree is not { } tree
            || solution.GetDocument(tree) is not { } document
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
            || Registration(root, edit.Registration) is null)
        {
            return false;
        }

        return edit.Session is null || await SessionConfigurer.CanApplyAsync(solution, edit.Session, cancellationToken).ConfigureAwait(false);
    }

    private static InvocationExpressionSyntax? Registration(SyntaxNode root, Location location) =>
        root.FindNode(location.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Span == location.SourceSpan);

    /// <summary>The program's <c>builder.Build()</c> call or the Startup class declaration.</summary>
    private static SyntaxNode? Host(SyntaxNode root, Location location) =>
        root.FindNode(location.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .FirstOrDefault(n => n.Span == location.SourceSpan && n is InvocationExpressionSyntax or ClassDeclarationSyntax);

    private static InvocationExpressionSyntax WithSessionProvider(InvocationExpressionSyntax registration) =>
        SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(
                    SyntaxKind.SimpleMemberAccessExpression,
                    registration.WithoutTrailingTrivia(),
                    SyntaxFactory.IdentifierName(SessionProvider)))
            .WithTrailingTrivia(registration.GetTrailingTrivia());
}
