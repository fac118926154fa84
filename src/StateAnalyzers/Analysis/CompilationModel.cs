using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Cookies;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Lifetimes;
using StateAnalyzers.Session;
using StateAnalyzers.SignIns;
using StateAnalyzers.SignOuts;
using StateAnalyzers.TempData;

namespace StateAnalyzers.Analysis;

/// <summary>
/// Everything the rules share about one compilation: the well-known types, the cookie recognizer and the
/// project-wide facts. Built once per compilation and shared by every analyzer that runs on it.
/// </summary>
internal sealed class CompilationModel
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<CompilationModel?>> Models = new();
    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _semanticModels = new();
    private readonly ConcurrentDictionary<SyntaxNode, ImmutableArray<CookieWrite>> _writes = new();
    private readonly Lazy<ProjectFacts> _projectFacts;
    private readonly Lazy<SessionFacts> _sessionFacts;
    private readonly Lazy<SignInWrappers> _signInWrappers;
    private readonly Lazy<TempDataFacts> _tempDataFacts;

    private CompilationModel(Compilation compilation, DeclarationShape shape, WellKnownTypes types)
    {
        Compilation = compilation;
        Shape = shape;
        Types = types;
        Options = new CookieOptionsResolver(this);
        Builders = new CookieBuilderResolver(this);
        Writes = new CookieWriteRecognizer(this);
        Helpers = new CookieHelperIndex(this);
        _projectFacts = new Lazy<ProjectFacts>(() => ProjectFacts.Gather(this), LazyThreadSafetyMode.ExecutionAndPublication);
        SignOuts = new SignOutRecognizer(this);
        Clearing = new SessionClearing(this);
        _sessionFacts = new Lazy<SessionFacts>(() => SessionFacts.Gather(this), LazyThreadSafetyMode.ExecutionAndPublication);
        SignIns = new SignInRecognizer(this);
        Lifetimes = new LifetimeReader(this);
        _signInWrappers = new Lazy<SignInWrappers>(() => SignInWrappers.Gather(this), LazyThreadSafetyMode.ExecutionAndPublication);
        TempDataWrites = new TempDataWriteRecognizer(this);
        TempDataHelpers = new TempDataHelperIndex(this);
        _tempDataFacts = new Lazy<TempDataFacts>(() => TempDataFacts.Gather(this), LazyThreadSafetyMode.ExecutionAndPublication);
        Candidates = new CandidateIndex(this);
    }

    public Compilation Compilation { get; }

    /// <summary>The declarations this compilation's code binds against: per-tree summaries are reused under the same shape.</summary>
    public DeclarationShape Shape { get; }

    /// <summary>The nodes of each file the rules look at; everything else is never bound to IOperation.</summary>
    public CandidateIndex Candidates { get; }

    public WellKnownTypes Types { get; }

    public CookieOptionsResolver Options { get; }

    public CookieBuilderResolver Builders { get; }

    public CookieWriteRecognizer Writes { get; }

    /// <summary>Methods in source that write a cookie from their parameters.</summary>
    public CookieHelperIndex Helpers { get; }

    /// <summary>Facts that need the whole project (the app-wide cookie policy, the pipeline order); gathered on first use.</summary>
    public ProjectFacts Project => _projectFacts.Value;

    /// <summary>Recognizes sign-outs and tells a logout from a sign-out that is not one.</summary>
    public SignOutRecognizer SignOuts { get; }

    /// <summary>Whether a method clears the session, itself or through helpers in source.</summary>
    public SessionClearing Clearing { get; }

    /// <summary>What the project does with the session (use, registration, middleware, hosts, sign-out wrappers); gathered on first use.</summary>
    public SessionFacts Session => _sessionFacts.Value;

    /// <summary>Recognizes sign-ins and tells a login from a sign-in to the external or two-factor schemes.</summary>
    public SignInRecognizer SignIns { get; }

    /// <summary>The small sign-in wrappers in source and whether they are called; gathered on first use.</summary>
    public SignInWrappers SignInWrappers => _signInWrappers.Value;

    /// <summary>The lifetimes the authentication and session options lambdas set (STATE009).</summary>
    public LifetimeReader Lifetimes { get; }

    /// <summary>Recognizes writes to TempData (STATE011).</summary>
    public TempDataWriteRecognizer TempDataWrites { get; }

    /// <summary>Methods in source that store a parameter in TempData.</summary>
    public TempDataHelperIndex TempDataHelpers { get; }

    /// <summary>Where the project keeps TempData (cookie or session provider) and where MVC is registered; gathered on first use.</summary>
    public TempDataFacts TempData => _tempDataFacts.Value;

    internal ConcurrentDictionary<ISymbol, CookieAttributes> StaticInitializers { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Whether each type declaration met so far implements the cookie API (<see cref="CookieApiPlumbing"/>).</summary>
    internal ConcurrentDictionary<SyntaxNode, bool> CookieApiTypes { get; } = new();

    /// <summary>Null when the compilation does not reference ASP.NET Core.</summary>
    public static CompilationModel? For(Compilation compilation) =>
        Models.GetValue(compilation, c => new StrongBox<CompilationModel?>(Create(c))).Value;

    private static CompilationModel? Create(Compilation compilation)
    {
        var shape = new DeclarationShape(compilation);
        return WellKnownTypes.TryCreate(compilation, shape) is { } types ? new CompilationModel(compilation, shape, types) : null;
    }

    /// <summary>
    /// The cookies a candidate operation writes or configures: a write through <c>IResponseCookies</c> or a raw
    /// Set-Cookie header, or the framework cookies an options lambda configures. Recognized once per node and
    /// shared by the five cookie rules, which used to resolve the same options each.
    /// </summary>
    public ImmutableArray<CookieWrite> WritesAt(IOperation operation) =>
        _writes.TryGetValue(operation.Syntax, out var writes) ? writes : _writes.GetOrAdd(operation.Syntax, RecognizeWrites(operation));

    private ImmutableArray<CookieWrite> RecognizeWrites(IOperation operation) =>
        operation switch
        {
            IInvocationOperation invocation => Writes.FromInvocation(invocation) is { } write
                ? Builders.FromInvocation(invocation).Prepend(write).ToImmutableArray()
                : Builders.FromInvocation(invocation).ToImmutableArray(),
            ISimpleAssignmentOperation assignment when Writes.FromAssignment(assignment) is { } headerWrite => ImmutableArray.Create(headerWrite),
            IInvalidOperation invalid when Writes.FromUnbound(invalid) is { } unboundWrite => ImmutableArray.Create(unboundWrite),
            _ => ImmutableArray<CookieWrite>.Empty,
        };

    /// <summary>
    /// Whether a symbol is declared in this compilation's source, not synthesized by the compiler. Cheaper than asking for its
    /// <c>DeclaringSyntaxReferences</c>, which builds a new array on every call.
    /// </summary>
    public bool IsInSource(ISymbol symbol) =>
        !symbol.IsImplicitlyDeclared && SymbolEqualityComparer.Default.Equals(symbol.ContainingAssembly, Compilation.Assembly);

    /// <summary>A semantic model for declarations in other files (static readonly options, factories, the host).</summary>
#pragma warning disable RS1030 // Needed to bind declarations outside the analyzed tree; each tree's model is created once and cached.
    public SemanticModel SemanticModelFor(SyntaxTree tree) => _semanticModels.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));
#pragma warning restore RS1030
}
