using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using StateAnalyzers.Rules;

namespace StateAnalyzers.CodeFixes
{
    /// <summary>
    /// STATE004-006: sets HttpOnly / Secure / SameSite where the analyzer found them missing or weakened: a new
    /// options argument, the object initializer, the assignment, the builder lambda, or the raw Set-Cookie string.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TightenCookieCodeFix)), Shared]
    public sealed class TightenCookieCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleCatalog.HttpOnlyId, RuleCatalog.SecureId, RuleCatalog.SameSiteId);

        public override FixAllProvider GetFixAllProvider() => CookieFixAllProvider.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (CookieEdit.From(diagnostic) is { } edit)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            edit.Title,
                            ct => CookieTightener.ApplyAsync(context.Document.Project.Solution, new[] { edit }, ct),
                            EquivalenceKeys.TightenCookie),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        /// <summary>Fix All over a document, project or solution: every edit at once, grouped per document and node.</summary>
        private sealed class CookieFixAllProvider : FixAllProvider
        {
            public static readonly CookieFixAllProvider Instance = new();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllDiagnostics.Scopes;

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var diagnostics = await FixAllDiagnostics.CollectAsync(fixAllContext).ConfigureAwait(false);
                var edits = diagnostics.Select(CookieEdit.From).Where(e => e is not null).Select(e => e!).ToList();
                return edits.Count == 0
                    ? null
                    : CodeAction.Create(
                        "Tighten every cookie",
                        ct => CookieTightener.ApplyAsync(fixAllContext.Solution, edits, ct),
                        fixAllContext.CodeActionEquivalenceKey);
            }
        }
    }
}
