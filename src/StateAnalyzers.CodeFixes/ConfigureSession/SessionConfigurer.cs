using System;
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
using StateAnalyzers.Internal;
using StateAnalyzers.Session;

namespace StateAnalyzers.CodeFixes.ConfigureSession;

/// <summary>
/// Configures the session in the host, in the host's own style: <c>AddSession()</c> (with
/// <c>AddDistributedMemoryCache()</c> when no distributed cache is registered) after the last service registration,
/// through the same <c>IServiceCollection</c> expression; <c>UseSession()</c> after <c>UseRouting</c> /
/// <c>UseAuthentication</c> / <c>UseAuthorization</c> and before the first endpoint mapping; a misplaced
/// <c>UseSession()</c> moved there. Top-level programs, <c>Main</c> methods and Startup classes.
/// </summary>
internal static class SessionConfigurer
{
    private const string DependencyInjectionNamespace = "Microsoft.Extensions.DependencyInjection";
    private const string BuilderNamespace = "Microsoft.AspNetCore.Builder";

    public static async Task<Solution> ApplyAsync(Solution solution, IReadOnlyList<SessionConfiguration> configurations, CancellationToken cancellationToken)
    {
        var plans = new Dictionary<DocumentId, DocumentPlan>();
        foreach (var configuration in configurations)
        {
            var actions = await PlanAsync(solution, configuration, plans, cancellationToken).ConfigureAwait(false);
            actions?.ForEach(a => a());
        }

        foreach (var plan in plans.Values.Where(p => !p.Edits.IsEmpty))
        {
            var newRoot = plan.Edits.Apply(plan.Root);
            foreach (var name in plan.Usings.OrderBy(n => n, StringComparer.Ordinal))
            {
                // A plain line break: an elastic one before a top-level statement or a type would become a blank line.
                newRoot = Usings.Add(newRoot, SyntaxFactory.EndOfLine(plan.NewLine.ToFullString()), name);
            }

            var original = solution.GetDocument(plan.Document.Id)!;
            var position = plan.Root is CompilationUnitSyntax { Members.Count: > 0 } unit ? unit.Members[0].SpanStart : 0;
            var document = await FullNames.CleanUpAsync(original, newRoot, position, cancellationToken).ConfigureAwait(false);
            solution = document.Project.Solution;
        }

        return solution;
    }

    /// <summary>Whether every part of the configuration can be written (the fix is offered only then).</summary>
    public static async Task<bool> CanApplyAsync(Solution solution, SessionConfiguration configuration, CancellationToken cancellationToken) =>
        await PlanAsync(solution, configuration, new Dictionary<DocumentId, DocumentPlan>(), cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The edits one configuration needs, not yet recorded; null when some part cannot be written.</summary>
    private static async Task<List<Action>?> PlanAsync(Solution solution, SessionConfiguration configuration, Dictionary<DocumentId, DocumentPlan> plans, CancellationToken cancellationToken)
    {
        var host = await PlanFor(solution, configuration.Host.SourceTree, plans, cancellationToken).ConfigureAwait(false);
        if (host is null || CompilationModel.For(host.Model.Compilation) is not { } model)
        {
            return null;
        }

        var actions = new List<Action>();
        var ok = configuration.Startup
            ? PlanStartup(host, model.Types, configuration, actions)
            : PlanProgram(host, model.Types, configuration, actions);
        if (ok && configuration.Move is { } move)
        {
            var moving = await PlanFor(solution, move.SourceTree, plans, cancellationToken).ConfigureAwait(false);
            ok = moving is not null && PlanMove(moving, model.Types, move, configuration.Startup ? null : host, configuration, actions);
        }

        return ok ? actions : null;
    }

    private static bool PlanProgram(DocumentPlan plan, WellKnownTypes types, SessionConfiguration configuration, List<Action> actions)
    {
        var build = plan.Root.FindNode(configuration.Host.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Span == configuration.Host.SourceSpan);
        var statement = build?.Ancestors().OfType<StatementSyntax>().FirstOrDefault(s => StatementEdits.Locate(s) is not null);
        if (build is null || statement is null || StatementEdits.Locate(statement) is not { } place)
        {
            return false;
        }

        var items = StatementEdits.Items(place.List);
        if (configuration.AddSession)
        {
            var (index, services) = ServicesPlace(plan, types, items, place.Index, build);
            if (services is null)
            {
                return false;
            }

            var indentation = StatementEdits.Indentation(items[Math.Min(index, items.Count - 1)]).ToFullString();
            var registrations = Registrations(services, configuration.AddCache, ParameterName(plan.Model, build.SpanStart), plan.NewLine.ToFullString(), indentation);
            actions.Add(() => plan.Edits.Insert(place.List, index, registrations, InsertLayout.Indent, key: "AddSession"));
            RequireExtension(plan, actions, build.SpanStart, types.ServiceCollection, "AddSession", DependencyInjectionNamespace);
        }

        if (configuration.UseSession)
        {
            var app = AppName(plan, types, statement, build, items, place.Index);
            if (app is null)
            {
                return false;
            }

            var index = PipelinePosition(plan, types, items, place.Index + 1, exclude: -1);
            var useSession = SyntaxFactory.ParseStatement(app + ".UseSession();");
            actions.Add(() => plan.Edits.Insert(place.List, index, new[] { useSession }, InsertLayout.Indent, key: "UseSession"));
            RequireExtension(plan, actions, build.SpanStart, types.ApplicationBuilder, "UseSession", BuilderNamespace);
        }

        return true;
    }

    private static bool PlanStartup(DocumentPlan plan, WellKnownTypes types, SessionConfiguration configuration, List<Action> actions)
    {
        var type = plan.Root.FindNode(configuration.Host.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<ClassDeclarationSyntax>()
            .FirstOrDefault(c => c.Span == configuration.Host.SourceSpan);
        if (type is null)
        {
            return false;
        }

        var configure = Method(plan, type, "Configure", types.ApplicationBuilder);
        var configureServices = Method(plan, type, "ConfigureServices", types.ServiceCollection);
        if (configuration.AddSession)
        {
            if (configureServices is { Method: var servicesMethod, Parameter: var services })
            {
                // An expression body becomes a block the formatter indents as a whole, continuation lines included.
                var indentation = servicesMethod.Body is null ? string.Empty
                    : servicesMethod.Body.Statements.Count > 0 ? StatementEdits.Indentation(servicesMethod.Body.Statements.Last()).ToFullString()
                    : StatementEdits.Indentation(servicesMethod).ToFullString() + "    ";
                var position = servicesMethod.Body?.CloseBraceToken.SpanStart ?? servicesMethod.SpanStart;
                var registrations = Registrations(services, configuration.AddCache, ParameterName(plan.Model, position), plan.NewLine.ToFullString(), indentation);
                if (servicesMethod.Body is { } body)
                {
                    actions.Add(() => plan.Edits.Insert(body, body.Statements.Count, registrations, InsertLayout.Indent, key: "AddSession"));
                }
                else if (servicesMethod.ExpressionBody is not null)
                {
                    actions.Add(() => plan.Edits.Rewrite(servicesMethod, m => WithBlockBody((MethodDeclarationSyntax)m, 1, registrations, plan.NewLine)));
                }
                else
                {
                    return false;
                }

                RequireExtension(plan, actions, servicesMethod.SpanStart, types.ServiceCollection, "AddSession", DependencyInjectionNamespace);
            }
            else if (configure is { Method: var before })
            {
                var index = type.Members.IndexOf(before);
                var method = NewConfigureServices(configuration, plan.NewLine);
                actions.Add(() => plan.Edits.Rewrite(type, t => InsertMember((ClassDeclarationSyntax)t, index, method, plan.NewLine)));
                if (!plan.Model.LookupNamespacesAndTypes(before.SpanStart, name: "IServiceCollection").Any(s => s.ContainingNamespace?.ToDisplayString() == DependencyInjectionNamespace))
                {
                    actions.Add(() => plan.Usings.Add(DependencyInjectionNamespace));
                }

                RequireExtension(plan, actions, before.SpanStart, types.ServiceCollection, "AddSession", DependencyInjectionNamespace);
            }
            else
            {
                return false;
            }
        }

        if (configuration.UseSession)
        {
            if (configure is not { Method: var configureMethod, Parameter: var app })
            {
                return false;
            }

            var useSession = SyntaxFactory.ParseStatement(app + ".UseSession();");
            if (configureMethod.Body is { } body)
            {
                var index = PipelinePosition(plan, types, body.Statements, 0, exclude: -1);
                actions.Add(() => plan.Edits.Insert(body, index, new[] { useSession }, InsertLayout.Indent, key: "UseSession"));
            }
            else if (configureMethod.ExpressionBody is { } arrow)
            {
                var index = PipelinePosition(plan, types, new SyntaxNode[] { arrow.Expression }, 0, exclude: -1);
                actions.Add(() => plan.Edits.Rewrite(configureMethod, m => WithBlockBody((MethodDeclarationSyntax)m, index, new[] { useSession }, plan.NewLine)));
            }
            else
            {
                return false;
            }

            RequireExtension(plan, actions, configureMethod.SpanStart, types.ApplicationBuilder, "UseSession", BuilderNamespace);
        }

        return true;
    }

    /// <summary>Moves the misplaced <c>UseSession()</c> statement before the endpoints of its own statement list.</summary>
    private static bool PlanMove(DocumentPlan plan, WellKnownTypes types, Location move, DocumentPlan? programHost, SessionConfiguration configuration, List<Action> actions)
    {
        var call = plan.Root.FindNode(move.SourceSpan, getInnermostNodeForTie: true)
            .AncestorsAndSelf()
            .OfType<InvocationExpressionSyntax>()
            .FirstOrDefault(i => i.Span == move.SourceSpan);
        if (call?.Parent is not ExpressionStatementSyntax statement || StatementEdits.Locate(statement) is not { } place)
        {
            return false;
        }

        // In the program itself the pipeline starts after builder.Build(); elsewhere (Configure, a helper) at the top.
        var start = 0;
        if (programHost == plan
            && plan.Root.FindNode(configuration.Host.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<StatementSyntax>()
                .Select(StatementEdits.Locate).FirstOrDefault(p => p is not null) is { } build
            && build.List == place.List)
        {
            start = build.Index + 1;
        }

        var items = StatementEdits.Items(place.List);
        var index = PipelinePosition(plan, types, items, start, exclude: place.Index);
        if (index >= place.Index)
        {
            return false;
        }

        var moved = statement.WithoutLeadingTrivia().WithoutTrailingTrivia();
        var comments = StatementEdits.Comments(statement);
        actions.Add(() =>
        {
            plan.Edits.Remove(place.List, place.Index);
            plan.Edits.Insert(place.List, index, new[] { moved }, InsertLayout.Indent, key: "UseSession", comments: comments);
        });
        return true;
    }

    /// <summary>
    /// Where AddSession goes: after the last statement before <c>Build()</c> that registers services, through that
    /// registration's <c>IServiceCollection</c> expression; else just before <c>Build()</c>, on <c>builder.Services</c>.
    /// </summary>
    private static (int Index, string? Services) ServicesPlace(DocumentPlan plan, WellKnownTypes types, IReadOnlyList<SyntaxNode> items, int buildIndex, InvocationExpressionSyntax build)
    {
        for (var i = buildIndex - 1; i >= 0; i--)
        {
            foreach (var invocation in Invocations(plan, items[i]))
            {
                if (SessionPipeline.Classify(invocation, types) is PipelineStep.ServiceRegistration or PipelineStep.AddSession
                    && Symbols.Receiver(invocation) is { IsImplicit: false } receiver
                    && Symbols.Implements(OperationFlow.SkipConversions(receiver).Type, types.ServiceCollection))
                {
                    return (i + 1, OperationFlow.SkipConversions(receiver).Syntax.ToString());
                }
            }
        }

        return build.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Build", Expression: IdentifierNameSyntax builder }
            ? (buildIndex, builder.Identifier.ValueText + ".Services")
            : (-1, null);
    }

    /// <summary>The app the pipeline is built on: <c>var app = builder.Build();</c>, or the receiver of a later pipeline call.</summary>
    private static string? AppName(DocumentPlan plan, WellKnownTypes types, StatementSyntax buildStatement, InvocationExpressionSyntax build, IReadOnlyList<SyntaxNode> items, int buildIndex)
    {
        switch (buildStatement)
        {
            case LocalDeclarationStatementSyntax { Declaration.Variables: { Count: 1 } variables } when variables[0].Initializer?.Value.Span.Contains(build.Span) == true:
                return variables[0].Identifier.ValueText;
            case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } assignment } when assignment.Right.Span.Contains(build.Span):
                return left.Identifier.ValueText;
        }

        for (var i = buildIndex + 1; i < items.Count; i++)
        {
            foreach (var invocation in Invocations(plan, items[i]))
            {
                if (SessionPipeline.Classify(invocation, types) is not (PipelineStep.None or PipelineStep.ServiceRegistration)
                    && Symbols.Receiver(invocation) is { IsImplicit: false } receiver
                    && OperationFlow.SkipConversions(receiver) is { Syntax: IdentifierNameSyntax name } app
                    && Symbols.Implements(app.Type, types.ApplicationBuilder))
                {
                    return name.Identifier.ValueText;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The index in the pipeline before which <c>UseSession()</c> belongs: after the last <c>UseRouting</c> /
    /// <c>UseAuthentication</c> / <c>UseAuthorization</c> that precedes the first endpoint mapping (a <c>Map*</c>,
    /// <c>UseEndpoints</c>, a terminal <c>Run</c>, the host's <c>Run</c>); else before that mapping; else at the end.
    /// </summary>
    private static int PipelinePosition(DocumentPlan plan, WellKnownTypes types, IReadOnlyList<SyntaxNode> items, int start, int exclude)
    {
        int? afterAuthentication = null;
        var end = start;
        for (var i = start; i < items.Count; i++)
        {
            if (items[i] is not (StatementSyntax or GlobalStatementSyntax or ExpressionSyntax))
            {
                break; // type declarations after the top-level statements
            }

            end = i + 1;
            if (i == exclude)
            {
                continue;
            }

            var steps = Invocations(plan, items[i]).Select(x => SessionPipeline.Classify(x, types)).ToList();
            if (steps.Any(s => s is PipelineStep.MapEndpoint or PipelineStep.UseEndpoints or PipelineStep.TerminalRun or PipelineStep.HostRun))
            {
                return afterAuthentication ?? i;
            }

            if (steps.Any(s => s is PipelineStep.UseRouting or PipelineStep.UseAuthentication or PipelineStep.UseAuthorization))
            {
                afterAuthentication = i + 1;
            }
        }

        return afterAuthentication ?? end;
    }

    /// <summary>The calls an item makes itself, not those inside lambdas it passes along (a branch pipeline, an options callback).</summary>
    private static IEnumerable<IInvocationOperation> Invocations(DocumentPlan plan, SyntaxNode item) =>
        item.DescendantNodesAndSelf(n => n == item || n is not AnonymousFunctionExpressionSyntax)
            .OfType<InvocationExpressionSyntax>()
            .Select(i => plan.Model.GetOperation(i))
            .OfType<IInvocationOperation>();

    /// <param name="indentation">Where the statements' lines start: the formatter leaves the lines of the new lambda as written.</param>
    private static StatementSyntax[] Registrations(string services, bool addCache, string parameter, string newLine, string indentation)
    {
        var statements = new List<StatementSyntax>();
        if (addCache)
        {
            statements.Add(SyntaxFactory.ParseStatement(services + ".AddDistributedMemoryCache();"));
        }

        statements.Add(FullNames.ToSimplify(SyntaxFactory.ParseStatement(services + HardenedAddSession(parameter, newLine + indentation))));
        return statements.ToArray();
    }

    /// <summary>
    /// <c>.AddSession(options => { ... });</c> (each line after <paramref name="lineBreak"/>, which holds the indentation) with the session cookie locked down as STATE004-006 require (its
    /// SecurePolicy defaults to None), so the registration the fix writes is not itself a finding.
    /// </summary>
    private static string HardenedAddSession(string parameter, string lineBreak) =>
        ".AddSession(" + parameter + " =>" + lineBreak
        + "{" + lineBreak
        + "    " + parameter + ".Cookie.HttpOnly = true;" + lineBreak
        + "    " + parameter + ".Cookie.SecurePolicy = " + FullNames.Http("CookieSecurePolicy.Always") + ";" + lineBreak
        + "    " + parameter + ".Cookie.SameSite = " + FullNames.Http("SameSiteMode.Lax") + ";" + lineBreak
        + "});";

    /// <summary>A lambda parameter name that shadows nothing in scope at the position.</summary>
    private static string ParameterName(SemanticModel model, int position) =>
        new[] { "options", "sessionOptions", "session" }.FirstOrDefault(n => model.LookupSymbols(position, name: n).IsEmpty) ?? "sessionCookieOptions";

    private static (MethodDeclarationSyntax Method, string Parameter)? Method(DocumentPlan plan, ClassDeclarationSyntax type, string name, INamedTypeSymbol? parameterType)
    {
        foreach (var method in type.Members.OfType<MethodDeclarationSyntax>().Where(m => m.Identifier.ValueText == name))
        {
            if (plan.Model.GetDeclaredSymbol(method) is { } symbol
                && symbol.Parameters.FirstOrDefault(p => Symbols.Implements(p.Type, parameterType)) is { } parameter)
            {
                return (method, parameter.Name);
            }
        }

        return null;
    }

    private static MethodDeclarationSyntax NewConfigureServices(SessionConfiguration configuration, SyntaxTrivia newLine)
    {
        var eol = newLine.ToFullString();
        var body = string.Concat(Registrations("services", configuration.AddCache, "options", eol, "    ").Select(s => "    " + s.ToFullString() + eol));
        var method = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            "public void ConfigureServices(IServiceCollection services)" + eol + "{" + eol + body + "}" + eol)!;
        return FullNames.ToSimplify(method).WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static ClassDeclarationSyntax InsertMember(ClassDeclarationSyntax type, int index, MethodDeclarationSyntax method, SyntaxTrivia newLine)
    {
        var before = type.Members[index];
        var laidOut = method.WithLeadingTrivia(before.GetLeadingTrivia()).WithTrailingTrivia(newLine);
        var members = type.Members
            .Replace(before, before.WithLeadingTrivia(SyntaxFactory.TriviaList(newLine).AddRange(StatementEdits.Indentation(before))))
            .Insert(index, laidOut);
        return type.WithMembers(members);
    }

    /// <summary>An expression-bodied method as a block: its expression as a statement, with statements inserted at an index.</summary>
    private static MethodDeclarationSyntax WithBlockBody(MethodDeclarationSyntax method, int index, IReadOnlyList<StatementSyntax> inserted, SyntaxTrivia newLine)
    {
        if (method.ExpressionBody is not { } arrow)
        {
            return method;
        }

        var statements = new List<StatementSyntax> { SyntaxFactory.ExpressionStatement(arrow.Expression.WithoutTrivia()) };
        statements.InsertRange(Math.Min(index, statements.Count), inserted);
        var block = SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(newLine).WithTrailingTrivia(newLine),
                SyntaxFactory.List(statements.Select(s => s.WithoutTrivia().WithTrailingTrivia(newLine))),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithTrailingTrivia(method.SemicolonToken.TrailingTrivia))
            .WithAdditionalAnnotations(Formatter.Annotation);
        var beforeArrow = arrow.ArrowToken.GetPreviousToken();
        return method.ReplaceToken(beforeArrow, beforeArrow.WithTrailingTrivia())
            .WithExpressionBody(null)
            .WithSemicolonToken(default)
            .WithBody(block);
    }

    /// <summary>Adds a using for the extension method's namespace when the method does not bind at the position without it.</summary>
    private static void RequireExtension(DocumentPlan plan, List<Action> actions, int position, INamedTypeSymbol? receiver, string method, string @namespace)
    {
        if (receiver is not null && !plan.Model.LookupSymbols(position, receiver, method, includeReducedExtensionMethods: true).Any())
        {
            actions.Add(() => plan.Usings.Add(@namespace));
        }
    }


    private static async Task<DocumentPlan?> PlanFor(Solution solution, SyntaxTree? tree, Dictionary<DocumentId, DocumentPlan> plans, CancellationToken cancellationToken)
    {
        if (tree is null || solution.GetDocument(tree) is not { } document)
        {
            return null;
        }

        if (plans.TryGetValue(document.Id, out var existing))
        {
            return existing;
        }

        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return null;
        }

        var plan = new DocumentPlan(document, root, model, Usings.NewLineOf(root));
        plans[document.Id] = plan;
        return plan;
    }

    /// <summary>Everything one document gets, from every configuration that touches it.</summary>
    private sealed class DocumentPlan
    {
        public DocumentPlan(Document document, SyntaxNode root, SemanticModel model, SyntaxTrivia newLine)
        {
            Document = document;
            Root = root;
            Model = model;
            NewLine = newLine;
            Edits = new StatementEdits(newLine);
        }

        public Document Document { get; }

        public SyntaxNode Root { get; }

        public SemanticModel Model { get; }

        public SyntaxTrivia NewLine { get; }

        public StatementEdits Edits { get; }

        public HashSet<string> Usings { get; } = new(StringComparer.Ordinal);
    }
}
