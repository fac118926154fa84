using System.Diagnostics;
using System.Globalization;
using Microsoft.CodeAnalysis;
using StateAnalyzers.Benchmarks.Corpus;

namespace StateAnalyzers.Benchmarks.Analysis;

/// <summary>
/// Checks that the benchmark measures what it claims: the corpus compiles without errors and has the promised shape,
/// every analyzer set loads its analyzers and finds what it should, and StateAnalyzers reports every planted violation.
/// </summary>
internal static class Validation
{
    public static int Run(int files)
    {
        var failures = new List<string>();
        var (corpus, compilation) = CorpusCompilation.For(files);
        Console.WriteLine($"Corpus: {corpus.Files.Count} files, {corpus.Lines} lines, {corpus.Methods} methods, {corpus.CookieMethods} write a cookie ({100.0 * corpus.CookieMethods / corpus.Methods:F1}%)");
        foreach (var kind in corpus.Files.GroupBy(f => f.Kind).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {kind.Key,-12} {kind.Count(),4} files");
        }

        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Console.WriteLine($"Compiler errors: {errors.Count}");
        foreach (var error in errors.Take(15))
        {
            Console.WriteLine("  " + error);
        }

        if (errors.Count > 0)
        {
            failures.Add($"the corpus has {errors.Count} compiler errors");
        }

        var bind = Stopwatch.StartNew();
        _ = compilation.Clone().GetDiagnostics();
        Console.WriteLine($"Binding alone (Compilation.GetDiagnostics on a copy): {bind.Elapsed.TotalMilliseconds:F0} ms");

        foreach (var set in Enum.GetValues<AnalyzerSet>())
        {
            var prepared = PreparedSet.Create(set, compilation);
            var allocated = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            var diagnostics = prepared.RunAsync().GetAwaiter().GetResult();
            watch.Stop();
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            Console.WriteLine();
            Console.WriteLine($"{set}: {prepared.Analyzers.Length} analyzers ({string.Join(", ", prepared.Analyzers.Select(a => a.GetType().Name))})");
            Console.WriteLine($"  one run: {watch.Elapsed.TotalMilliseconds:F0} ms, {allocated / 1024.0 / 1024.0:F1} MB allocated");
            foreach (var id in diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"  {id.Key}: {id.Count()}");
            }

            var exceptions = diagnostics.Where(d => d.Id is "AD0001" or "AD0002").ToList();
            foreach (var exception in exceptions.Take(3))
            {
                Console.WriteLine("  " + exception.GetMessage(CultureInfo.InvariantCulture));
            }

            if (exceptions.Count > 0)
            {
                failures.Add($"{set}: {exceptions.Count} analyzer exceptions");
            }

            if (set is AnalyzerSet.StateAnalyzers or AnalyzerSet.SecurityCodeScan or AnalyzerSet.Sonar && !diagnostics.Any(d => prepared.Ids.Contains(d.Id)))
            {
                failures.Add($"{set} found nothing in the corpus");
            }

            if (set == AnalyzerSet.StateAnalyzers)
            {
                failures.AddRange(PlantedFindings(corpus, diagnostics));
            }
        }

        Console.WriteLine();
        foreach (var failure in failures)
        {
            Console.WriteLine("FAILED: " + failure);
        }

        Console.WriteLine(failures.Count == 0 ? "Validation passed." : $"Validation failed ({failures.Count}).");
        return failures.Count == 0 ? 0 : 1;
    }

    /// <summary>Each planted violation reported on its line by the rules expected; nothing reported on a compliant write.</summary>
    public static IEnumerable<string> PlantedFindings(GeneratedCorpus corpus, IEnumerable<Diagnostic> diagnostics)
    {
        var byLine = diagnostics
            .Where(d => d.Location.IsInSource)
            .ToLookup(d => (Path: d.Location.SourceTree!.FilePath.Substring("/corpus/".Length), Line: d.Location.GetLineSpan().StartLinePosition.Line + 1));
        var missed = new List<string>();
        foreach (var write in corpus.Writes)
        {
            var found = byLine[(write.Path, write.Line)].Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal).ToList();
            var expected = write.ExpectedIds.OrderBy(i => i, StringComparer.Ordinal).ToList();
            if (!found.SequenceEqual(expected))
            {
                missed.Add($"{write.Variant} at {write.Path}:{write.Line}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", found)}]");
            }
        }

        foreach (var signOut in corpus.SignOuts)
        {
            var reported = byLine[(signOut.Path, signOut.Line)].Any(d => d.Id == "STATE003");
            if (reported == signOut.ClearsSession)
            {
                missed.Add($"sign-out at {signOut.Path}:{signOut.Line} (clears session: {signOut.ClearsSession}): STATE003 {(reported ? "reported" : "not reported")}");
            }
        }

        foreach (var signIn in corpus.SignIns)
        {
            var reported = byLine[(signIn.Path, signIn.Line)].Any(d => d.Id == "STATE008");
            if (reported == signIn.ClearsSession)
            {
                missed.Add($"sign-in at {signIn.Path}:{signIn.Line} (clears session: {signIn.ClearsSession}): STATE008 {(reported ? "reported" : "not reported")}");
            }

            var lifetime = byLine[(signIn.Path, signIn.LifetimeLine)].Any(d => d.Id == "STATE009");
            if (lifetime != signIn.LivesTooLong)
            {
                missed.Add($"lifetime at {signIn.Path}:{signIn.LifetimeLine} (too long: {signIn.LivesTooLong}): STATE009 {(lifetime ? "reported" : "not reported")}");
            }
        }

        var tempData = corpus.TempData.Select(t => (t.Path, t.Line)).ToHashSet();
        foreach (var reported in diagnostics.Where(d => d.Id == "STATE011" && d.Location.IsInSource))
        {
            var at = (reported.Location.SourceTree!.FilePath.Substring("/corpus/".Length), reported.Location.GetLineSpan().StartLinePosition.Line + 1);
            if (!tempData.Remove(at))
            {
                missed.Add($"STATE011 at {at.Item1}:{at.Item2}, where no growing TempData value was planted");
            }
        }

        missed.AddRange(tempData.Select(t => $"TempData at {t.Path}:{t.Line}: STATE011 not reported"));
        Console.WriteLine($"  planted: {corpus.Writes.Count} cookie writes, {corpus.SignOuts.Count} sign-outs, {corpus.SignIns.Count} sign-ins, {corpus.TempData.Count} TempData values; {missed.Count} not as expected");
        foreach (var miss in missed.Take(20))
        {
            Console.WriteLine("    " + miss);
        }

        return missed.Count == 0 ? Array.Empty<string>() : new[] { $"StateAnalyzers: {missed.Count} planted findings not as expected" };
    }

    /// <summary>
    /// The time spent inside each analyzer's callbacks (Roslyn's telemetry, <c>logAnalyzerExecutionTime</c>), for every
    /// set and for each StateAnalyzers analyzer: a second view of the added time that leaves out the binding the driver
    /// does between callbacks, so it is far less exposed to the floor's noise than a difference of two wall times.
    /// </summary>
    public static int Profile(int files)
    {
        const int runs = 3;
        var (_, compilation) = CorpusCompilation.For(files);
        Console.WriteLine($"Time inside the analyzers' callbacks on {files} files, mean of {runs} runs after one warm-up (Roslyn telemetry):");
        var ours = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var set in Enum.GetValues<AnalyzerSet>())
        {
            var prepared = PreparedSet.Create(set, compilation);
            _ = prepared.RunAsync().GetAwaiter().GetResult();
            var total = TimeSpan.Zero;
            for (var run = 0; run < runs; run++)
            {
                var withAnalyzers = prepared.Fresh().With(logExecutionTime: true); // new trees per build
                _ = withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
                foreach (var analyzer in prepared.Analyzers)
                {
                    var time = withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
                    total += time;
                    if (set == AnalyzerSet.StateAnalyzers)
                    {
                        ours[analyzer.GetType().Name] = ours.GetValueOrDefault(analyzer.GetType().Name) + time;
                    }
                }
            }

            Console.WriteLine($"  {set,-40} {total.TotalMilliseconds / runs,8:F0} ms");
        }

        Console.WriteLine("StateAnalyzers, per analyzer (the first to ask for a per-compilation fact pays for gathering it):");
        foreach (var (name, total) in ours.OrderByDescending(t => t.Value))
        {
            Console.WriteLine($"  {name,-40} {total.TotalMilliseconds / runs,8:F0} ms");
        }

        return 0;
    }
}
