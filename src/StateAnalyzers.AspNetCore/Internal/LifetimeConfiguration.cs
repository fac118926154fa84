using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// <c>StateGuard:MaxAuthLifetime</c> is written as the analyzers' <c>STATE009.max_auth_lifetime</c> is (<c>30d</c>,
/// <c>12h</c>, or <c>30.00:00:00</c>), but the configuration binder reads a <see cref="TimeSpan"/> in the second form only.
/// The section is bound through a view that hands the binder that one value in the invariant TimeSpan form, read by the
/// catalogue's parser, or no value when it does not parse (the default stays, and <see cref="LifetimeOptionsValidator"/>
/// reports the text as written). Every other key is the section's own, with its own path in the binder's errors.
/// </summary>
internal static class LifetimeConfiguration
{
    public const string Key = nameof(StateGuardOptions.MaxAuthLifetime);

    public static IConfigurationSection? View(IConfigurationSection? section) =>
        section?[Key] is { } text
            ? new Section(section, Durations.TryParse(text, out var lifetime) ? lifetime.ToString("c", CultureInfo.InvariantCulture) : null)
            : section;

    private static bool IsKey(string key) => string.Equals(key, Key, StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>StateGuard</c> section, with its <c>MaxAuthLifetime</c> child replaced.</summary>
    private sealed class Section : IConfigurationSection
    {
        private readonly IConfigurationSection _inner;
        private readonly string? _lifetime;

        public Section(IConfigurationSection inner, string? lifetime)
        {
            _inner = inner;
            _lifetime = lifetime;
        }

        public string Key => _inner.Key;

        public string Path => _inner.Path;

        public string? Value
        {
            get => _inner.Value;
            set => _inner.Value = value;
        }

        public string? this[string key]
        {
            get => IsKey(key) ? _lifetime : _inner[key];
            set => _inner[key] = value;
        }

        public IEnumerable<IConfigurationSection> GetChildren() =>
            _inner.GetChildren().Select(child => IsKey(child.Key) ? new Lifetime(child, _lifetime) : child);

        public IConfigurationSection GetSection(string key) =>
            IsKey(key) ? new Lifetime(_inner.GetSection(key), _lifetime) : _inner.GetSection(key);

        public IChangeToken GetReloadToken() => _inner.GetReloadToken();
    }

    /// <summary>The <c>MaxAuthLifetime</c> key, with its value in the invariant TimeSpan form (or none).</summary>
    private sealed class Lifetime : IConfigurationSection
    {
        private readonly IConfigurationSection _inner;

        public Lifetime(IConfigurationSection inner, string? value)
        {
            _inner = inner;
            Value = value;
        }

        public string Key => _inner.Key;

        public string Path => _inner.Path;

        public string? Value { get; set; }

        public string? this[string key]
        {
            get => _inner[key];
            set => _inner[key] = value;
        }

        public IEnumerable<IConfigurationSection> GetChildren() => _inner.GetChildren();

        public IConfigurationSection GetSection(string key) => _inner.GetSection(key);

        public IChangeToken GetReloadToken() => _inner.GetReloadToken();
    }
}
