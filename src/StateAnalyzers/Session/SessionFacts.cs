using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Analysis;
using StateAnalyzers.Internal;
using StateAnalyzers.SignOuts;

namespace StateAnalyzers.Session;

/// <summary>
/// What the whole project does with the session, gathered per compilation the first time a rule asks from each tree's
/// share, which is kept across compilations while the tree and the declarations stay (<see cref="TreeSummaries{T}"/>): whether
/// it touches the session, registers it (<c>AddSession</c>), runs its middleware (<c>UseSession</c>), where it is
/// hosted, and which methods in source are small sign-out wrappers. A cheap walk over the syntax trees finds
/// candidates by name; each candidate is then bound, so only symbols decide. The rules that read these facts report
/// per document, so IDE analysis stays live.
/// </summary>
internal sealed class SessionFacts
{
    /// <summary>Identifiers through which code touches the session: <c>HttpContext.Session</c>, <c>ISession</c>, the session extensions.</summary>
    private static readonly ImmutableHashSet<string> TouchNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "Session", "ISession", "SetString", "GetString", "SetInt32", "GetInt32");

    private static readonly ImmutableHashSet<string> InvocationNames = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "AddSession", "Configure", "PostConfigure", "ConfigureAll", "PostConfigureAll", "UseSession", "UseMiddleware",
        "Build", "Create", "UseStartup", "SignOutAsync", "SignOut",
        "AddDistributedMemoryCache", "AddStackExchangeRedisCache", "AddDistributedSqlServerCache", "AddCosmosCache",
        "AddSingleton", "AddScoped", "AddTransient", "TryAddSingleton", "TryAddScoped", "TryAddTransient");

    /// <summary>Every name a tree's share looks for (the touches are looked for apart): a file that spells none of them is not walked.</summary>
    private static readonly ImmutableArray<string> WalkNamesAfterTouch = InvocationNames.Add("SignOutResult").ToImmutableArray();

    /// <summary>Distributed cache registrations, by containing type and method.</summary>
    private static readonly (string Type, string Method)[] CacheRegistrations =
    {
        ("Microsoft.Extensions.DependencyInjection.MemoryCacheServiceCollectionExtensions", "AddDistributedMemoryCache"),
        ("Microsoft.Extensions.DependencyInjection.StackExchangeRedisCacheServiceCollectionExtensions", "AddStackExchangeRedisCache"),
        ("Microsoft.Extensions.DependencyInjection.SqlServerCachingServicesExtensions", "AddDistributedSqlServerCache"),
        ("Microsoft.Extensions.DependencyInjection.CosmosCacheServiceCollectionExtensions", "AddCosmosCache"),
    };

    private readonly ImmutableHashSet<IMethodSymbol> _calledWrappers;

    private SessionFacts(
        bool touchesSession,
        bool configuresSessionOptions,
        bool addsSession,
        bool registersSession,
        bool runsSessionMiddleware,
        bool registersDistributedCache,
        ImmutableArray<SyntaxNode> useSessionCalls,
        ImmutableArray<SessionHost> hosts,
        ImmutableDictionary<IMethodSymbol, SignOutWrapper> wrappers,
        ImmutableHashSet<IMethodSymbol> calledWrappers)
    {
        TouchesSession = touchesSession;
        ConfiguresSessionOptions = configuresSessionOptions;
        AddsSession = addsSession;
        RegistersSession = registersSession;
        RunsSessionMiddleware = runsSessionMiddleware;
        RegistersDistributedCache = registersDistributedCache;
        UseSessionCalls = useSessionCalls;
        Hosts = hosts;
        Wrappers = wrappers;
        _calledWrappers = calledWrappers;
    }

    /// <summary>Some code reads or writes the session: <c>HttpContext.Session</c>, an <c>ISession</c>, the session extension methods.</summary>
    public bool TouchesSession { get; }

    /// <summary><c>Configure&lt;SessionOptions&gt;</c> (or <c>PostConfigure</c>, ...) somewhere in the project.</summary>
    public bool ConfiguresSessionOptions { get; }

    /// <summary><c>AddSession()</c> somewhere in the project (a helper in source included).</summary>
    public bool AddsSession { get; }

    /// <summary>An <c>AddSession()</c> that runs for the app: not in a method nothing can call (<see cref="LiveCode"/>).</summary>
    public bool RegistersSession { get; }

    /// <summary>A <c>UseSession()</c> (or <c>UseMiddleware&lt;SessionMiddleware&gt;()</c>) that runs for the app.</summary>
    public bool RunsSessionMiddleware { get; }

    /// <summary>
    /// The project has a session that is usable (STATE003): touched, or registered and in the pipeline. An
    /// <c>AddSession()</c> alone, with no <c>UseSession()</c> and no code using the session, gives the app no session:
    /// <c>Session.Clear()</c> there would throw.
    /// </summary>
    public bool UsesSession => TouchesSession || (RegistersSession && RunsSessionMiddleware);

    /// <summary>
    /// The session cookie is ever sent: the session middleware runs, or, in a project without a host (a library whose
    /// pipeline is the app's), code uses the session.
    /// </summary>
    public bool IssuesSessionCookie => RunsSessionMiddleware || (Hosts.IsEmpty && TouchesSession);

    /// <summary>An <c>IDistributedCache</c> registration is visible (the session's store).</summary>
    public bool RegistersDistributedCache { get; }

    /// <summary>Every <c>UseSession()</c> (or <c>UseMiddleware&lt;SessionMiddleware&gt;()</c>) call in the project.</summary>
    public ImmutableArray<SyntaxNode> UseSessionCalls { get; }

    /// <summary>Where the app is configured; empty in a class library. Program hosts win over Startup classes.</summary>
    public ImmutableArray<SessionHost> Hosts { get; }

    /// <summary>Small methods in source whose body is a logout sign-out and nothing else.</summary>
    public ImmutableDictionary<IMethodSymbol, SignOutWrapper> Wrappers { get; }

    /// <summary>Whether a wrapper is invoked somewhere in source (then its call sites are reported, not the wrapper).</summary>
    public bool IsCalledInSource(IMethodSymbol wrapper) => _calledWrappers.Contains(wrapper);

    /// <summary>Each tree's share of the facts but the session touch, reused across compilations while the tree and the declarations stay.</summary>
    private static readonly TreeSummaries<TreeShare> Shares = new(GatherTree);

    /// <summary>Whether a tree touches the session; asked tree by tree until one does.</summary>
    private static readonly TreeSummaries<object> Touches = new(TouchesIn);

    private static readonly object Yes = new();
    private static readonly object No = new();

    public static SessionFacts Gather(CompilationModel model)
    {
        var types = model.Types;
        var compilation = model.Compilation;
        var touches = false;
        var configuresOptions = false;
        var addsSession = false;
        var addSessionCalls = new List<SyntaxNode>();
        var cache = false;
        var useSession = new List<SyntaxNode>();
        var programHosts = new List<SessionHost>();
        var startupCandidates = new List<(ClassDeclarationSyntax Syntax, SemanticModel Model)>();
        var startupTypes = new HashSet<string>(StringComparer.Ordinal);
        var wrappers = new Dictionary<IMethodSymbol, SignOutWrapper>(SymbolEqualityComparer.Default);

        foreach (var tree in compilation.SyntaxTrees)
        {
            if (Touches.For(model, tree) == Yes)
            {
                touches = true;
                break;
            }
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var share = Shares.For(model, tree);
            if (share == TreeShare.Empty)
            {
                continue;
            }

            configuresOptions |= share.ConfiguresSessionOptions;
            addsSession |= share.AddSessionCalls.Count > 0;
            addSessionCalls.AddRange(share.AddSessionCalls);
            cache |= share.RegistersDistributedCache;
            useSession.AddRange(share.UseSessionCalls);
            foreach (var build in share.HostBuilds)
            {
                programHosts.Add(SessionHost.ForProgram(build));
            }

            if (share.StartupTypeNames.Count > 0)
            {
                startupTypes.UnionWith(share.StartupTypeNames);
            }
            foreach (var candidate in share.StartupCandidates)
            {
                startupCandidates.Add((candidate, model.SemanticModelFor(tree)));
            }

            foreach (var signOut in share.WrapperSignOuts)
            {
                if (model.SemanticModelFor(tree).GetOperation(signOut) is { } operation)
                {
                    AddWrapper(model, operation, wrappers);
                }
            }
        }

        var hosts = programHosts.Count > 0 ? programHosts : StartupHosts(types, compilation, startupCandidates, startupTypes);
        var live = new LiveCode(model, isHostedApp: hosts.Count > 0);
        return new SessionFacts(
            touches,
            configuresOptions,
            addsSession,
            addSessionCalls.Any(live.Runs),
            useSession.Any(live.Runs),
            cache,
            useSession.ToImmutableArray(),
            hosts.ToImmutableArray(),
            wrappers.ToImmutableDictionary(SymbolEqualityComparer.Default),
            CalledWrappers(model, wrappers));
    }

    private static object TouchesIn(CompilationModel model, SyntaxTree tree)
    {
        if (!TreeText.MayMention(tree, TouchNames))
        {
            return No;
        }

        var semanticModel = model.SemanticModelFor(tree);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node is IdentifierNameSyntax identifier && TouchNames.Contains(identifier.Identifier.ValueText)
                && IsSessionTouch(model.Types, semanticModel.GetSymbolInfo(identifier).Symbol))
            {
                return Yes;
            }
        }

        return No;
    }

    /// <summary>What one tree registers, runs and declares, bound in the compilation at hand; holds only its own nodes and names.</summary>
    private static TreeShare GatherTree(CompilationModel model, SyntaxTree tree)
    {
        if (!TreeText.MayMention(tree, WalkNamesAfterTouch))
        {
            return TreeShare.Empty;
        }

        var types = model.Types;
        var share = new TreeShare();
        var semanticModel = new Lazy<SemanticModel>(() => model.SemanticModelFor(tree));
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case InvocationExpressionSyntax invocation when InvocationNames.Contains(SyntaxNames.Invoked(invocation)):
                    // A sign-out matters here only as the body of a wrapper: a larger method's sign-out is never bound.
                    if (SignOutRecognizer.CallNames.Contains(SyntaxNames.Invoked(invocation)) && !SignOutWrapper.MayWrap(invocation))
                    {
                        break;
                    }

                    if (semanticModel.Value.GetOperation(invocation) is not IInvocationOperation operation)
                    {
                        break;
                    }

                    switch (SessionPipeline.Classify(operation, types))
                    {
                        case PipelineStep.AddSession:
                            share.AddSessionCalls.Add(invocation);
                            continue;
                        case PipelineStep.UseSession:
                            share.UseSessionCalls.Add(invocation);
                            continue;
                    }

                    var method = operation.TargetMethod;
                    share.ConfiguresSessionOptions |= method.Name is "Configure" or "PostConfigure" or "ConfigureAll" or "PostConfigureAll"
                        && SymbolEqualityComparer.Default.Equals(method.TypeArguments.FirstOrDefault(), types.SessionOptions);
                    share.RegistersDistributedCache |= IsCacheRegistration(types, operation);
                    if (IsHostBuild(types, operation)
                        && SymbolEqualityComparer.Default.Equals(semanticModel.Value.GetEnclosingSymbol(invocation.SpanStart), model.Compilation.GetEntryPoint(CancellationToken.None)))
                    {
                        share.HostBuilds.Add(invocation);
                    }

                    if (method.Name == "UseStartup" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.WebHostBuilderExtensions))
                    {
                        var startup = method.TypeArguments.FirstOrDefault()
                            ?? operation.Arguments.Select(a => OperationFlow.SkipConversions(a.Value)).OfType<ITypeOfOperation>().FirstOrDefault()?.TypeOperand;
                        if (startup is not null)
                        {
                            share.StartupTypeNames.Add(startup.ToDisplayString());
                        }
                    }

                    if (MakesWrapper(model, operation))
                    {
                        share.WrapperSignOuts.Add(invocation);
                    }

                    break;
                case BaseObjectCreationExpressionSyntax creation when SignOutWrapper.MayWrap(creation) && model.SignOuts.MayCreate(creation):
                    if (semanticModel.Value.GetOperation(creation) is IObjectCreationOperation created && MakesWrapper(model, created))
                    {
                        share.WrapperSignOuts.Add(creation);
                    }

                    break;
                case ClassDeclarationSyntax type when type.Members.OfType<MethodDeclarationSyntax>().Any(m => m.Identifier.ValueText == "Configure"):
                    share.StartupCandidates.Add(type);
                    break;
            }
        }

        return share.IsEmpty ? TreeShare.Empty : share; // most files spell a name and hold nothing: the merge skips them
    }

    private static bool IsSessionTouch(WellKnownTypes types, ISymbol? symbol) => symbol switch
    {
        IPropertySymbol property => SymbolEqualityComparer.Default.Equals(property.Type, types.Session),
        INamedTypeSymbol type => SymbolEqualityComparer.Default.Equals(type, types.Session),
        IMethodSymbol method => SymbolEqualityComparer.Default.Equals((method.ReducedFrom ?? method).ContainingType, types.SessionExtensions),
        _ => false,
    };

    /// <summary><c>builder.Build()</c> on a <c>WebApplicationBuilder</c>, or <c>WebApplication.Create(...)</c>.</summary>
    private static bool IsHostBuild(WellKnownTypes types, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        return (method.Name == "Build" && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.WebApplicationBuilder))
            || (method.Name == "Create" && method.IsStatic && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.WebApplication));
    }

    private static bool IsCacheRegistration(WellKnownTypes types, IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        foreach (var (type, name) in CacheRegistrations)
        {
            if (method.Name == name && QualifiedNames.Is(method.ContainingType, type))
            {
                return true;
            }
        }

        // services.AddSingleton<IDistributedCache, MyCache>(), services.AddSingleton(typeof(IDistributedCache), ...)
        return types.DistributedCache is { } cache
            && Symbols.Implements(Symbols.ReceiverType(invocation), types.ServiceCollection)
            && (method.TypeArguments.Contains(cache, SymbolEqualityComparer.Default)
                || invocation.Arguments.Any(a => OperationFlow.SkipConversions(a.Value) is ITypeOfOperation typeOf && SymbolEqualityComparer.Default.Equals(typeOf.TypeOperand, cache)));
    }

    private static List<SessionHost> StartupHosts(
        WellKnownTypes types,
        Compilation compilation,
        List<(ClassDeclarationSyntax Syntax, SemanticModel Model)> candidates,
        HashSet<string> startupTypes)
    {
        var hosts = new List<SessionHost>();
        if (compilation.Options.OutputKind is OutputKind.DynamicallyLinkedLibrary or OutputKind.NetModule or OutputKind.WindowsRuntimeMetadata)
        {
            return hosts; // a Startup class in a library (a module) is configured by a host elsewhere
        }

        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var (syntax, semanticModel) in candidates)
        {
            if (semanticModel.GetDeclaredSymbol(syntax) is not INamedTypeSymbol type || type.IsAbstract || !seen.Add(type))
            {
                continue;
            }

            var named = type.Name.EndsWith("Startup", StringComparison.Ordinal)
                || startupTypes.Contains(type.ToDisplayString())
                || Symbols.Implements(type, types.Startup);
            var configure = type.GetMembers("Configure").OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.Parameters.Any(p => Symbols.Implements(p.Type, types.ApplicationBuilder)));
            if (!named || configure is null)
            {
                continue;
            }

            var configureServices = type.GetMembers("ConfigureServices").OfType<IMethodSymbol>()
                .FirstOrDefault(m => m.Parameters.Any(p => Symbols.Implements(p.Type, types.ServiceCollection)));
            hosts.Add(SessionHost.ForStartup(syntax, type, configure, configureServices));
        }

        return hosts;
    }

    private static void AddWrapper(CompilationModel model, IOperation operation, Dictionary<IMethodSymbol, SignOutWrapper> wrappers)
    {
        if (WrapperOf(model, operation) is { } wrapper)
        {
            wrappers[wrapper.Method] = wrapper;
        }
    }

    private static bool MakesWrapper(CompilationModel model, IOperation operation) => WrapperOf(model, operation) is not null;

    private static SignOutWrapper? WrapperOf(CompilationModel model, IOperation operation) =>
        model.SignOuts.From(operation) is { } signOut
        && model.SignOuts.IsLogout(signOut)
        && !model.SignOuts.IsInNonLogoutContext(operation)
            ? SignOutWrapper.For(signOut)
            : null;

    private static ImmutableHashSet<IMethodSymbol> CalledWrappers(CompilationModel model, Dictionary<IMethodSymbol, SignOutWrapper> wrappers)
    {
        if (wrappers.Count == 0)
        {
            return ImmutableHashSet<IMethodSymbol>.Empty;
        }

        var names = new HashSet<string>(wrappers.Keys.Select(m => m.Name), StringComparer.Ordinal);
        var called = ImmutableHashSet.CreateBuilder<IMethodSymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            foreach (var invocation in TreeText.CallsTo(tree, names))
            {
                if (model.SemanticModelFor(tree).GetOperation(invocation) is IInvocationOperation operation
                    && wrappers.ContainsKey(operation.TargetMethod.OriginalDefinition))
                {
                    called.Add(operation.TargetMethod.OriginalDefinition);
                }
            }
        }

        return called.ToImmutable();
    }

    /// <summary>One tree's share: only its own syntax nodes, names and flags, so that it holds in the next compilation too.</summary>
    private sealed class TreeShare
    {
        public static readonly TreeShare Empty = new();

        public bool ConfiguresSessionOptions { get; set; }

        public bool RegistersDistributedCache { get; set; }

        public List<SyntaxNode> AddSessionCalls { get; } = new();

        public List<SyntaxNode> UseSessionCalls { get; } = new();

        public List<SyntaxNode> HostBuilds { get; } = new();

        public List<ClassDeclarationSyntax> StartupCandidates { get; } = new();

        public HashSet<string> StartupTypeNames { get; } = new(StringComparer.Ordinal);

        /// <summary>The sign-outs (calls or <c>SignOutResult</c> creations) that are the whole body of a logout wrapper.</summary>
        public List<SyntaxNode> WrapperSignOuts { get; } = new();

        public bool IsEmpty =>
            !ConfiguresSessionOptions && !RegistersDistributedCache && AddSessionCalls.Count == 0 && UseSessionCalls.Count == 0
            && HostBuilds.Count == 0 && StartupCandidates.Count == 0 && StartupTypeNames.Count == 0 && WrapperSignOuts.Count == 0;
    }
}
