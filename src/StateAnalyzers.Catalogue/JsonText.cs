using System.Text;

namespace StateAnalyzers.Catalogue;

/// <summary>Just enough JSON reading for STATE001: the member names of an object, and whether a member holds a string.</summary>
internal static class JsonText
{
    /// <summary>The first member whose name is a password word (password, passwd, pwd, pw, pass), or null.</summary>
    public static string? PasswordMember(string json)
    {
        string? found = null;
        Members(json, (name, _) =>
        {
            var parts = WordParts.Split(name);
            if (WordParts.FindRun(parts, SensitiveWords.NeverOnClient) is not null ||
                SensitiveWords.PasswordShortForm(parts) is not null)
            {
                found = name;
                return true;
            }

            return false;
        });
        return found;
    }

    /// <summary>The object has a member <paramref name="member"/> whose value is a string.</summary>
    public static bool HasStringMember(string json, string member)
    {
        var found = false;
        Members(json, (name, valueIsString) =>
        {
            found = name == member && valueIsString;
            return found;
        });
        return found;
    }

    /// <summary>Calls <paramref name="visit"/> for each quoted name followed by a colon, until it returns true. Only objects.</summary>
    private static void Members(string json, System.Func<string, bool, bool> visit)
    {
        var i = SkipSpace(json, 0);
        if (i >= json.Length || json[i] != '{')
        {
            return;
        }

        while (i < json.Length)
        {
            if (json[i] != '"')
            {
                i++;
                continue;
            }

            var name = ReadString(json, ref i);
            if (name is null)
            {
                return;
            }

            var next = SkipSpace(json, i);
            if (next < json.Length && json[next] == ':')
            {
                var value = SkipSpace(json, next + 1);
                if (visit(name, value < json.Length && json[value] == '"'))
                {
                    return;
                }

                i = value;
            }
        }
    }

    /// <summary>Reads the string that starts at <paramref name="i"/> (a quote), leaving <paramref name="i"/> after it.</summary>
    private static string? ReadString(string json, ref int i)
    {
        var text = new StringBuilder();
        for (i++; i < json.Length; i++)
        {
            var c = json[i];
            if (c == '"')
            {
                i++;
                return text.ToString();
            }

            if (c == '\\')
            {
                i++;
                if (i >= json.Length)
                {
                    return null;
                }
            }

            text.Append(json[i]);
        }

        return null;
    }

    private static int SkipSpace(string json, int i)
    {
        while (i < json.Length && char.IsWhiteSpace(json[i]))
        {
            i++;
        }

        return i;
    }
}
