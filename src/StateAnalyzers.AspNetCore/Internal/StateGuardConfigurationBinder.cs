using System.Collections;
using System.ComponentModel;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Binds the <c>StateGuard</c> section key by key. The configuration binder stops at the first value it cannot convert,
/// which hid every other problem, and it reads an enum's text loosely (<c>Off,Report</c> is the flags value 1, so
/// Report). Here every key is checked against the options' shape first: a key that is not an option, a value that does
/// not convert, or an enum value that is not exactly one of its names is recorded with its key and text, and only the
/// keys that are right are bound. The validators report the recorded problems together with their own findings.
/// </summary>
internal static class StateGuardConfigurationBinder
{
    public static void Bind(IConfigurationSection section, StateGuardOptions options)
    {
        var accepted = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var child in section.GetChildren())
        {
            Check(child, typeof(StateGuardOptions), options.ConfigurationProblems, accepted);
        }

        if (accepted.Count == 0)
        {
            return;
        }

        try
        {
            new ConfigurationBuilder().AddInMemoryCollection(accepted).Build()
                .GetSection(section.Path)
                .Bind(options, static binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException exception)
        {
            // Not expected once every key has been checked; recorded rather than thrown so it joins the other problems.
            options.ConfigurationProblems.Add($"{section.Path}: {exception.Message}");
        }
    }

    private static void Check(IConfigurationSection node, Type owner, List<string> problems, Dictionary<string, string?> accepted)
    {
        var property = owner.GetProperty(
            node.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        if (property is null || property.GetMethod is null)
        {
            var names = owner.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);
            problems.Add($"{node.Path} is not an option; the options at this level are {string.Join(", ", names)}.");
            return;
        }

        if (LifetimeConfiguration.Handles(owner, property.Name))
        {
            LifetimeConfiguration.Check(node, problems, accepted);
            return;
        }

        CheckValue(node, property.PropertyType, problems, accepted);
    }

    private static void CheckValue(IConfigurationSection node, Type type, List<string> problems, Dictionary<string, string?> accepted)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        var children = node.GetChildren().ToList();

        if (DictionaryValueType(type) is { } valueType)
        {
            ExpectSection(node, children, problems);
            foreach (var child in children)
            {
                CheckValue(child, valueType, problems, accepted);
            }
        }
        else if (ListItemType(type) is { } itemType)
        {
            if (node.Value is { Length: > 0 } && children.Count == 0)
            {
                problems.Add($"{node.Path} is '{node.Value}', but it is a list; give its items as {node.Path}:0, {node.Path}:1 " +
                             "(an array in JSON).");
                return;
            }

            foreach (var child in children)
            {
                CheckValue(child, itemType, problems, accepted);
            }
        }
        else if (IsScalar(type))
        {
            if (children.Count > 0)
            {
                problems.Add($"{node.Path} is a single value, but the configuration gives it sub-keys ({children[0].Path}).");
            }
            else if (node.Value is { } value && ScalarProblem(node.Path, value, type) is { } problem)
            {
                problems.Add(problem);
            }
            else
            {
                accepted[node.Path] = node.Value;
            }
        }
        else
        {
            ExpectSection(node, children, problems);
            foreach (var child in children)
            {
                Check(child, type, problems, accepted);
            }
        }
    }

    private static void ExpectSection(IConfigurationSection node, List<IConfigurationSection> children, List<string> problems)
    {
        if (node.Value is { Length: > 0 } && children.Count == 0)
        {
            problems.Add($"{node.Path} is '{node.Value}', but it is a section of options, not a single value.");
        }
    }

    private static string? ScalarProblem(string key, string value, Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            return names.Any(n => string.Equals(n, value.Trim(), StringComparison.OrdinalIgnoreCase))
                ? null
                : $"{key} is '{value}'; use {Alternatives(names)}.";
        }

        try
        {
            _ = TypeDescriptor.GetConverter(type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or OverflowException or NotSupportedException)
        {
            return $"{key} is '{value}', which is not {Expected(type)}.";
        }
    }

    private static string Alternatives(string[] names) =>
        names.Length == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];

    private static string Expected(Type type) =>
        type == typeof(int) || type == typeof(long) ? "a whole number" :
        type == typeof(bool) ? "true or false" :
        type == typeof(TimeSpan) ? "a time span such as 00:00:02 (hh:mm:ss) or 1.00:00:00 (one day)" :
        "a " + type.Name;

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan) ||
        type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Uri) || type == typeof(Guid);

    private static Type? DictionaryValueType(Type type) =>
        GenericArgument(type, typeof(IDictionary<,>), 1);

    private static Type? ListItemType(Type type) =>
        type.IsArray ? type.GetElementType() :
        type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) ? GenericArgument(type, typeof(ICollection<>), 0) : null;

    private static Type? GenericArgument(Type type, Type openInterface, int index)
    {
        foreach (var candidate in type.GetInterfaces().Append(type))
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() == openInterface)
            {
                return candidate.GetGenericArguments()[index];
            }
        }

        return null;
    }
}
