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
    /// STATE003: clears the session just before the sign-out, through the session the analyzer found in reach
    /// (<c>HttpContext.Session</c> in a controller, <c>context.Session</c> from the sign-out's HttpContext,
    /// <c>accessor.HttpContext!.Session</c> in a service).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClearSessionOnSignOutCodeFix)), Shared]
    public sealed class ClearSessionOnSignOutCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.SignOutWithoutSessionClearId);

        public override FixAllProvider GetFixAllProvider() => ClearAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (SessionClear.From(diagnostic) is { } clear
                    && await SessionClearer.CanApplyAsync(context.Document, clear, context.CancellationToken).ConfigureAwait(false))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            clear.Title,
                            ct => SessionClearer.ApplyAsync(context.Document.Project.Solution, new[] { clear }, ct),
                            EquivalenceKeys.ClearSessionOnSignOut),
                        diagnostic);
                }
            }
        }

        /// <summary>Fix All: every insertion of a document in one pass, so edits in the same block or lambda compose.</summary>
        private sealed class ClearAllProvider : FixAllProvider
        {
            public static readonly ClearAllProvider Instance = new();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllDiagnostics.Scopes;

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var diagnostics = await FixAllDiagnostics.CollectAsync(fixAllContext).ConfigureAwait(false);
                var clears = diagnostics.Select(SessionClear.From).Where(c => c is not null).Select(c => c!).ToList();
                return clears.Count == 0
                    ? null
                    : CodeAction.Create(
                        "Clear the session before every sign-out",
                        ct => SessionClearer.ApplyAsync(fixAllContext.Solution, clears, ct),
                        fixAllContext.CodeActionEquivalenceKey);
            }
        }
    }
}
