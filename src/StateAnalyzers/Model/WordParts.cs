using System.Collections.Generic;
using System.Text;

namespace StateAnalyzers.Model
{
    /// <summary>
    /// Splits names into lower-case word parts at case changes, digits, '_', '-', '.', ':' and spaces:
    /// <c>JWTToken</c> gives jwt, token; <c>api_key</c> gives api, key; <c>__RequestVerificationToken</c> gives
    /// request, verification, token.
    /// </summary>
    internal static class WordParts
    {
        public static List<string> Split(string name)
        {
            var parts = new List<string>();
            var current = new StringBuilder();
            for (var i = 0; i < name.Length; i++)
            {
                var c = name[i];
                if (!char.IsLetter(c))
                {
                    Flush(parts, current);
                    continue;
                }

                if (current.Length > 0 && char.IsUpper(c))
                {
                    var previous = name[i - 1];
                    var next = i + 1 < name.Length ? name[i + 1] : '\0';

                    // "aB" starts a word; so does the last capital of an acronym followed by lower case ("JWTToken": JWT | Token).
                    if (char.IsLower(previous) || (char.IsUpper(previous) && char.IsLower(next)))
                    {
                        Flush(parts, current);
                    }
                }

                current.Append(char.ToLowerInvariant(c));
            }

            Flush(parts, current);
            return parts;
        }

        /// <summary>
        /// The first entry found as a run of adjacent whole parts ("card number" matches CardNumber, card_number and
        /// cardnumber), allowing a plural 's'; never inside a longer word ("token" does not match "tokenizer").
        /// </summary>
        public static string? FindRun(IReadOnlyList<string> parts, IEnumerable<string> entries)
        {
            foreach (var entry in entries)
            {
                var wanted = entry.Replace(" ", string.Empty).Replace("_", string.Empty).ToLowerInvariant();
                if (wanted.Length == 0)
                {
                    continue;
                }

                for (var start = 0; start < parts.Count; start++)
                {
                    var run = new StringBuilder();
                    for (var end = start; end < parts.Count && run.Length < wanted.Length + 1; end++)
                    {
                        run.Append(parts[end]);
                        var text = run.ToString();
                        if (text == wanted || text == wanted + "s")
                        {
                            return entry;
                        }
                    }
                }
            }

            return null;
        }

        private static void Flush(List<string> parts, StringBuilder current)
        {
            if (current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
        }
    }
}
