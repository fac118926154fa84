using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using StateAnalyzers.Cookies;
using StateAnalyzers.Cookies.Attributes;
using StateAnalyzers.Cookies.Policy;
using StateAnalyzers.Internal;

namespace StateAnalyzers.Analysis;

/// <summary>
/// Facts that need the whole project, gathered per compilation the first time a rule asks. A cheap walk
/// over the syntax trees finds candidate calls by name; each candidate is then bound, so only symbols decide.
/// Rules that read these facts still report per document, so IDE analysis stays live.
/// </summary>
internal sealed class ProjectFacts
{
    private const string UseCookiePolicyName = "UseCookiePolicy";

    private static readonly HashSet<string> CandidateNames = new()
    {
        "UseCookiePolicy", "AddCookiePolicy", "Configure", "PostConfigure", "ConfigureAll", "PostConfigureAll", "AddSession",
        "UseMiddleware", "Use", "Run", "UseWhen", "MapWhen", "UseSession", "UseAuthentication",
    };

    private ProjectFacts(CookiePolicy cookiePolicy, bool sessionSecureConfigured)
    {
        CookiePolicy = cookiePolicy;
        SessionSecureConfigured = sessionSecureConfigured;
    }

    public CookiePolicy CookiePolicy { get; }

    /// <summary>Some session configuration in the project sets <c>Cookie.SecurePolicy = Always</c> unconditionally.</summary>
    public bool SessionSecureConfigured { get; }

    /// <summary>
    /// Secure is added to the write by something else in the project: the app-wide cookie policy with
    /// <c>Secure = Always</c> where it covers the write, or, for <c>AddSession</c>'s default SecurePolicy (None), a session
    /// configuration elsewhere that sets <c>Always</c>.
    /// </summary>
    public bool SuppliesSecure(CookieWrite write) =>
        CookiePolicy.CoversSecure(write)
        || (write.Source == CookieSource.Session && write.Attributes.Secure.Origin == AttributeOrigin.ApiDefault && SessionSecureConfigured);


    /// <summary>Each tree's share, kept across compilations while the tree and the declarations stay.</summary>
    private static readonly TreeSummaries<TreeShare> Shares = new(GatherTree);

    /// <summary>
    /// The session's Secure setting comes from each tree's share. The cookie policy needs the pipeline's order across
    /// files, so it is read from every candidate of the project, and only when some tree calls a method spelled
    /// <c>UseCookiePolicy</c>; without one there is no policy, whatever else the project registers.
    /// </summary>
    public static ProjectFacts Gather(CompilationModel model)
    {
        var sessionSecure = false;
        var mayApplyPolicy = false;
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            var share = Shares.For(model, tree);
            sessionSecure |= share.SessionSecure;
            mayApplyPolicy |= share.CallsUseCookiePolicy;
        }

        return new ProjectFacts(mayApplyPolicy ? CookiePolicyReader.Read(model, Candidates(model)) : CookiePolicy.None, sessionSecure);
    }

    private static TreeShare GatherTree(CompilationModel model, SyntaxTree tree)
    {
        var invocations = CandidatesIn(model, tree);
        if (invocations.Count == 0)
        {
            return TreeShare.Empty;
        }

        return new TreeShare(
            invocations.SelectMany(model.Builders.FromInvocation).Any(w => w.Source == CookieSource.Session && w.Attributes.Secure.Is(SecureLevel.Always)),
            invocations.Any(i => i.Syntax is InvocationExpressionSyntax syntax && SyntaxNames.Invoked(syntax) == UseCookiePolicyName));
    }

    private static List<IInvocationOperation> Candidates(CompilationModel model) =>
        model.Compilation.SyntaxTrees.SelectMany(t => CandidatesIn(model, t)).ToList();

    private static List<IInvocationOperation> CandidatesIn(CompilationModel model, SyntaxTree tree)
    {
        var invocations = new List<IInvocationOperation>();
        if (!TreeText.MayMention(tree, CandidateNames, prefix: SyntaxNames.PipelineUsePrefix, prefixThenUpper: true))
        {
            return invocations;
        }

        foreach (var syntax in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            var name = SyntaxNames.Invoked(syntax);

            // Use*: pipeline registrations, including the project's own app.UseSomething() extensions.
            if ((CandidateNames.Contains(name) || SyntaxNames.IsPipelineUse(name))
                && model.SemanticModelFor(tree).GetOperation(syntax) is IInvocationOperation invocation)
            {
                invocations.Add(invocation);
            }
        }

        return invocations;
    }

    /// <summary>One tree's share: flags only, so that it holds in the next compilation too.</summary>
    private sealed class TreeShare
    {
        public static readonly TreeShare Empty = new(false, false);

        public TreeShare(bool sessionSecure, bool callsUseCookiePolicy)
        {
            SessionSecure = sessionSecure;
            CallsUseCookiePolicy = callsUseCookiePolicy;
        }

        /// <summary>A session configuration in this tree sets <c>Cookie.SecurePolicy = Always</c> unconditionally.</summary>
        public bool SessionSecure { get; }

        /// <summary>This tree calls a method spelled <c>UseCookiePolicy</c> (bound: one of the candidates).</summary>
        public bool CallsUseCookiePolicy { get; }
    }
}
