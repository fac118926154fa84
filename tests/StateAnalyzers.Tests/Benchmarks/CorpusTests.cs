using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using StateAnalyzers.Benchmarks.Corpus;
using StateAnalyzers.Tests.Infrastructure;
using StateAnalyzers.Tests.Meta;

namespace StateAnalyzers.Tests.Benchmarks;

/// <summary>
/// The benchmark's generated corpus (benchmarks/StateAnalyzers.Benchmarks/Corpus, compiled in here as linked source) has
/// the promised shape, and StateAnalyzers reports exactly the violations planted in it.
/// </summary>
public sealed class CorpusTests
{
    [Fact]
    public void The_full_corpus_is_500_files_of_about_50000_lines_with_one_method_in_ten_writing_a_cookie()
    {
        var corpus = CorpusGenerator.Generate(500);

        Assert.Equal(500, corpus.Files.Count);
        Assert.InRange(corpus.Lines, 45_000, 55_000);
        Assert.Equal(
            new[] { "controller", "helper", "middleware", "minimal-api", "model", "page", "program", "service" },
            corpus.Files.Select(f => f.Kind).Distinct().OrderBy(k => k, StringComparer.Ordinal));

        // Counted from the syntax, independently of the generator's own bookkeeping: methods and constructors with a body.
        var methods = corpus.Files
            .SelectMany(f => CSharpSyntaxTree.ParseText(f.Text).GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            .Where(m => m.Body is not null || m.ExpressionBody is not null)
            .ToList();
        var cookieMethods = methods.Count(m => m.ToString() is var text
            && (text.Contains(".Cookies.Append(", StringComparison.Ordinal)
                || text.Contains("\"Set-Cookie\"", StringComparison.Ordinal)
                || text.Contains("CookieWriter.WritePreference(", StringComparison.Ordinal)));
        Assert.Equal(corpus.Methods, methods.Count);
        Assert.Equal(corpus.CookieMethods, cookieMethods);
        Assert.InRange(100.0 * cookieMethods / methods.Count, 9.0, 11.0);
    }

    [Fact]
    public void A_smaller_corpus_is_a_prefix_of_a_larger_one_apart_from_Program()
    {
        var small = CorpusGenerator.Generate(100);
        var large = CorpusGenerator.Generate(250);

        Assert.Equal(100, small.Files.Count);
        Assert.Equal(small.Files.Skip(1).Select(f => f.Path), large.Files.Skip(1).Take(99).Select(f => f.Path));
    }

    [Fact]
    public async Task StateAnalyzers_reports_every_planted_violation_on_its_line_and_nothing_on_compliant_writes()
    {
        var corpus = CorpusGenerator.Generate(60);
        var run = await AnalyzerRun.RunAsync(ShippedAnalyzers.CreateAll(), AspNetCoreReferences.Net80, corpus.Files.Select(f => f.Text).ToArray());

        Assert.Empty(run.CompilerErrors);
        Assert.Empty(run.Exceptions);
        var paths = corpus.Files.Select((f, i) => ($"/0/File{i}.cs", f.Path)).ToDictionary(p => p.Item1, p => p.Path, StringComparer.Ordinal);
        var byLine = run.Diagnostics
            .Where(d => d.Location.IsInSource)
            .ToLookup(d => (paths[d.Location.SourceTree!.FilePath], d.Location.GetLineSpan().StartLinePosition.Line + 1), d => d.Id);

        Assert.Equal(Enum.GetValues<CookieVariant>().Length, corpus.Writes.Select(w => w.Variant).Distinct().Count());
        foreach (var write in corpus.Writes)
        {
            var found = byLine[(write.Path, write.Line)].Distinct().OrderBy(i => i, StringComparer.Ordinal);
            Assert.True(
                found.SequenceEqual(write.ExpectedIds.OrderBy(i => i, StringComparer.Ordinal)),
                $"{write.Variant} at {write.Path}:{write.Line}: expected [{string.Join(", ", write.ExpectedIds)}], found [{string.Join(", ", found)}]");
        }

        Assert.NotEmpty(corpus.TempData);
        Assert.Equal(
            corpus.TempData.Select(t => (t.Path, t.Line)).OrderBy(t => t),
            run.Diagnostics.Where(d => d.Id == "STATE011").Select(d => (paths[d.Location.SourceTree!.FilePath], d.Location.GetLineSpan().StartLinePosition.Line + 1)).OrderBy(t => t));

        Assert.Contains(corpus.SignOuts, s => !s.ClearsSession);
        foreach (var signOut in corpus.SignOuts)
        {
            Assert.True(
                byLine[(signOut.Path, signOut.Line)].Contains("STATE003") != signOut.ClearsSession,
                $"sign-out at {signOut.Path}:{signOut.Line} (clears the session: {signOut.ClearsSession})");
        }
    }
}
