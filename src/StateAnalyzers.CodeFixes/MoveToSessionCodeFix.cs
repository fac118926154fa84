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
    /// STATE001 and STATE002: the data belongs on the server. Rewrites the cookie write into a session write, and the
    /// reads and deletes of the same constant cookie name in the project into session reads and removes.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveToSessionCodeFix)), Shared]
    public sealed class MoveToSessionCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(RuleCatalog.SensitiveCookieId, RuleCatalog.OversizedCookieId);

        public override FixAllProvider GetFixAllProvider() => MoveAllProvider.Instance;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (SessionMove.From(diagnostic) is { } move)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            move.Title,
                            ct => SessionMover.ApplyAsync(context.Document.Project.Solution, new[] { move }, ct),
                            EquivalenceKeys.MoveToSession),
                        diagnostic);
                }
            }

            return Task.CompletedTask;
        }

        private sealed class MoveAllProvider : FixAllProvider
        {
            public static readonly MoveAllProvider Instance = new();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllDiagnostics.Scopes;

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var diagnostics = await FixAllDiagnostics.CollectAsync(fixAllContext).ConfigureAwait(false);
                var moves = diagnostics.Select(SessionMove.From).Where(m => m is not null).Select(m => m!).ToList();
                return moves.Count == 0
                    ? null
                    : CodeAction.Create(
                        "Move every such cookie into the session",
                        ct => SessionMover.ApplyAsync(fixAllContext.Solution, moves, ct),
                        fixAllContext.CodeActionEquivalenceKey);
            }
        }
    }
}
