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
/// Facts that need the whole project, gathered once per compilation the first time a rule asks. A cheap walk
/// over the syntax trees finds candidate calls by name; each candidate is then bound, so only symbols decide.
/// Rules that read these facts still report per document, so IDE analysis stays live.
/// </summary>
internal sealed class ProjectFacts
{
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

    public static ProjectFacts Gather(CompilationModel model)
    {
        var invocations = new List<IInvocationOperation>();
        foreach (var tree in model.Compilation.SyntaxTrees)
        {
            if (!TreeText.MayMention(tree, CandidateNames, prefix: SyntaxNames.PipelineUsePrefix, prefixThenUpper: true))
            {
                continue;
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
        }

        var sessionSecure = invocations
            .SelectMany(model.Builders.FromInvocation)
            .Any(w => w.Source == CookieSource.Session && w.Attributes.Secure.Is(SecureLevel.Always));
        return new ProjectFacts(CookiePolicyReader.Read(model, invocations), sessionSecure);
    }
}
