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
    /// STATE007: writes what the host lacks: <c>AddSession()</c> among the service registrations, <c>UseSession()</c>
    /// before the endpoints, or the misplaced <c>UseSession()</c> moved there.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ConfigureSessionCodeFix)), Shared]
    public sealed class ConfigureSessionCodeFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleCatalog.SessionNotConfiguredId);

        public override FixAllProvider GetFixAllProvider() => ConfigureAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var solution = context.Document.Project.Solution;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (SessionConfiguration.From(diagnostic) is { } configuration
                    && await SessionConfigurer.CanApplyAsync(solution, configuration, context.CancellationToken).ConfigureAwait(false))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            configuration.Title,
                            ct => SessionConfigurer.ApplyAsync(solution, new[] { configuration }, ct),
                            EquivalenceKeys.ConfigureSession),
                        diagnostic);
                }
            }
        }

        /// <summary>Fix All: the hosts' edits are planned against the original documents and applied once per document.</summary>
        private sealed class ConfigureAllProvider : FixAllProvider
        {
            public static readonly ConfigureAllProvider Instance = new();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => FixAllDiagnostics.Scopes;

            public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                var diagnostics = await FixAllDiagnostics.CollectAsync(fixAllContext).ConfigureAwait(false);
                var configurations = diagnostics.Select(SessionConfiguration.From).Where(c => c is not null).Select(c => c!).ToList();
                return configurations.Count == 0
                    ? null
                    : CodeAction.Create(
                        "Configure the session in every host",
                        ct => SessionConfigurer.ApplyAsync(fixAllContext.Solution, configurations, ct),
                        fixAllContext.CodeActionEquivalenceKey);
            }
        }
    }
}
