using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;

namespace StateAnalyzers.CodeFixes.Shared;

/// <summary>
/// The public face every StateAnalyzers fix provider shares: what it does is its <see cref="BatchFix{TEdit}"/>, so the
/// edit types stay internal.
/// </summary>
public abstract class BatchCodeFix : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => Fix.FixAllProvider;

    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context) => Fix.RegisterAsync(context);

    private protected abstract IBatchFix Fix { get; }
}
