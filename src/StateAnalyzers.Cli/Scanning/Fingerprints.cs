using System.Security.Cryptography;
using System.Text;

namespace StateAnalyzers.Cli.Scanning;

/// <summary>
/// A finding's identity across scans: the rule, the file (relative to the scan root), the flagged line's text with
/// whitespace collapsed, and its rank among findings with the same three. Lines added or removed elsewhere in the file
/// do not change it; editing the flagged line does. Baselines and SARIF partialFingerprints use it.
/// </summary>
internal static class Fingerprints
{
    public static IReadOnlyList<Finding> Assign(IEnumerable<Finding> findings)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new List<Finding>();
        foreach (var finding in findings)
        {
            var key = $"{finding.RuleId}|{finding.RelativePath.Replace('\\', '/')}|{Normalize(finding.Snippet)}";
            var rank = seen.TryGetValue(key, out var count) ? count : 0;
            seen[key] = rank + 1;
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{key}|{rank}"));
            result.Add(finding with { Fingerprint = Convert.ToHexString(hash, 0, 16).ToLowerInvariant() });
        }

        return result;
    }

    private static string Normalize(string line) => string.Join(' ', line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
