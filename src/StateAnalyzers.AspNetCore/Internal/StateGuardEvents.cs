using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Internal;

/// <summary>
/// Logs and counts every action. The message is the catalogue's message for the rule, with named holes for structured
/// logging, prefixed with the rule ID and the action; a cookie's value never appears, only its name and length.
/// </summary>
internal sealed class StateGuardEvents : IDisposable
{
    private static readonly string[] CookieHoles = { "CookieName", "Reason" };
    private static readonly string[] SizeHoles = { "CookieName", "Limit", "Reason" };
    private static readonly string[] SignOutHoles = { "SignOut" };
    private static readonly string[] SignInHoles = { "SignIn" };
    private static readonly string[] LifetimeHoles = { "CookieName", "Cookie", "Lifetime", "Maximum", "Option" };
    private static readonly string[] PrefixHoles = { "CookieName", "Prefix", "Reason" };
    private static readonly string[] BrowserLifetimeHoles = { "CookieName", "Lifetime", "Reason" };

    private readonly ILogger _logger;
    private readonly Counter<long> _actions;
    private readonly Meter? _ownedMeter;
    private static readonly int ActionCount = Enum.GetValues<GuardAction>().Length;

    /// <summary>Per rule (in <see cref="RuntimeRules.All"/> order), per action: the default message's definition.</summary>
    private readonly Definition[][] _defaults;

    /// <summary>The other message variants (SameSite=None without Secure), looked up by key: rare.</summary>
    private readonly Dictionary<(string RuleId, string Variant, GuardAction Action), Definition> _variants = new();
    private readonly int _limit;

    /// <summary>Which cookie actions are logged now and which only counted and summed (see <see cref="LogThrottle"/>).</summary>
    private readonly LogThrottle _throttle;

    /// <param name="loggerFactory">The app's logging.</param>
    /// <param name="meterFactory">The app's meters; without one, the events own their meter.</param>
    /// <param name="limit">STATE002's limit, for its message.</param>
    /// <param name="timeProvider">The clock of the summary periods; the system clock by default.</param>
    /// <param name="repeatInterval">The summary period of repeated cookie actions; zero (the default) logs every action.</param>
    public StateGuardEvents(ILoggerFactory loggerFactory, IMeterFactory? meterFactory, int limit, TimeProvider? timeProvider = null, TimeSpan repeatInterval = default)
    {
        _limit = limit;
        _throttle = new LogThrottle(timeProvider ?? TimeProvider.System, repeatInterval, RuntimeRules.All.Count * ActionCount, WriteSummary);
        _logger = loggerFactory.CreateLogger(StateGuardTelemetry.LogCategory);
        Meter meter;
        if (meterFactory is null)
        {
            meter = _ownedMeter = new Meter(StateGuardTelemetry.MeterName);
        }
        else
        {
            meter = meterFactory.Create(new MeterOptions(StateGuardTelemetry.MeterName));
        }

        _actions = meter.CreateCounter<long>(
            StateGuardTelemetry.ActionsCounterName,
            unit: "{action}",
            description: "Actions the StateAnalyzers runtime companion took, by rule and action.");

        _defaults = new Definition[RuntimeRules.All.Count][];
        for (var index = 0; index < RuntimeRules.All.Count; index++)
        {
            var rule = RuntimeRules.All[index];
            _defaults[index] = new Definition[ActionCount];
            foreach (var message in rule.Messages)
            {
                foreach (var action in Enum.GetValues<GuardAction>())
                {
                    var definition = new Definition(rule, message, action);
                    if (message.Variant == RuleCatalog.DefaultVariant)
                    {
                        _defaults[index][(int)action] = definition;
                    }
                    else
                    {
                        _variants[(rule.Id, message.Variant, action)] = definition;
                    }
                }
            }
        }
    }

    public ILogger Logger => _logger;

    /// <summary>The actions on one cookie, decided before any is logged: look the cookie up once, then
    /// <see cref="CookieActions.Count"/> each action and <see cref="Write"/> those it says to log now.</summary>
    public CookieActions ForCookie(string cookieName) => new(this, _throttle.For(cookieName));

    /// <summary>The actions on one cookie whose name is resolved already: no look-up of the name at all.</summary>
    public CookieActions ForCookie(CookieName cookie) => new(this, _throttle.For(cookie));

    /// <summary>A cookie rule's action on one cookie: counted, and logged unless it repeats one already logged in this period.</summary>
    public void Cookie(
        string ruleId,
        GuardAction action,
        string cookieName,
        int cookieLength,
        string reason,
        string outcome,
        string variant = RuleCatalog.DefaultVariant)
    {
        if (ForCookie(cookieName).Count(ruleId, action))
        {
            Write(ruleId, action, cookieName, cookieLength, reason, outcome, variant);
        }
    }

    /// <summary>Logs a cookie action already counted (<see cref="CookieActions.Count"/> returned true).</summary>
    public void Write(
        string ruleId,
        GuardAction action,
        string cookieName,
        int cookieLength,
        string reason,
        string outcome,
        string variant = RuleCatalog.DefaultVariant)
    {
        var definition = Find(ruleId, variant, action);
        if (!_logger.IsEnabled(definition.Level))
        {
            return;
        }

        object?[] args = ruleId == RuleIds.STATE002
            ? new object?[] { ruleId, definition.ActionName, LogText.CookieName(cookieName), _limit, reason, outcome, cookieLength }
            : new object?[] { ruleId, definition.ActionName, LogText.CookieName(cookieName), reason, outcome, cookieLength };
#pragma warning disable CA2254 // The template is built once from the catalogue, not per call.
        _logger.Log(definition.Level, definition.EventId, definition.Template, args);
#pragma warning restore CA2254
    }

    /// <summary>STATE009's action on one cookie: which cookie it is, how long the browser would keep it, the maximum.</summary>
    public void Lifetime(
        GuardAction action,
        string cookieName,
        int cookieLength,
        string cookie,
        string lifetime,
        string maximum,
        string option,
        string outcome)
    {
        var ruleId = RuleIds.STATE009;
        var definition = Find(ruleId, RuleCatalog.DefaultVariant, action);
        if (!ForCookie(cookieName).Count(ruleId, action))
        {
            return;
        }

        if (!_logger.IsEnabled(definition.Level))
        {
            return;
        }

#pragma warning disable CA2254 // The template is built once from the catalogue, not per call.
        _logger.Log(definition.Level, definition.EventId, definition.Template,
            ruleId, definition.ActionName, LogText.CookieName(cookieName), cookie, lifetime, maximum, option, outcome, cookieLength);
#pragma warning restore CA2254
    }

    /// <summary>
    /// STATE010's action on one cookie, with the message variant's own hole: the prefix (default), the lifetime, nothing
    /// (Domain, Path); <paramref name="detail"/> is null for the variants without one.
    /// </summary>
    /// <remarks><paramref name="logNow"/> is decided at a cookie's first finding (the first of its period is logged) and
    /// holds for the cookie's other findings in the same response, so a logged response shows all of them.</remarks>
    public void BrowserLimit(ref bool? logNow, GuardAction action, string variant, string cookieName, int cookieLength, string? detail, string reason, string outcome)
    {
        var ruleId = RuleIds.STATE010;
        var definition = Find(ruleId, variant, action);
        if (logNow is null)
        {
            logNow = ForCookie(cookieName).Count(ruleId, action);
        }
        else
        {
            Count(ruleId, definition);
        }

        if (logNow != true || !_logger.IsEnabled(definition.Level))
        {
            return;
        }

        object?[] args = detail is null
            ? new object?[] { ruleId, definition.ActionName, LogText.CookieName(cookieName), reason, outcome, cookieLength }
            : new object?[] { ruleId, definition.ActionName, LogText.CookieName(cookieName), detail, reason, outcome, cookieLength };
#pragma warning disable CA2254 // The template is built once from the catalogue, not per call.
        _logger.Log(definition.Level, definition.EventId, definition.Template, args);
#pragma warning restore CA2254
    }

    /// <summary>STATE003's action at one sign-out.</summary>
    public void SignOut(GuardAction action, string signOut, string outcome, Exception? exception = null) =>
        LogEveryTime(RuleIds.STATE003, action, signOut, outcome, exception);

    /// <summary>STATE008's action at one sign-in, or at a renewal the app asked for.</summary>
    public void Renewal(GuardAction action, string signIn, string outcome, Exception? exception = null) =>
        LogEveryTime(RuleIds.STATE008, action, signIn, outcome, exception);

    /// <summary>An action at a sign-in or sign-out: rare and about one user, so counted and logged each time, never summed.</summary>
    private void LogEveryTime(string ruleId, GuardAction action, string where, string outcome, Exception? exception)
    {
        var definition = Find(ruleId, RuleCatalog.DefaultVariant, action);
        Count(ruleId, definition);
#pragma warning disable CA2254 // The template is built once from the catalogue, not per call.
        _logger.Log(definition.Level, definition.EventId, exception, definition.Template, ruleId, definition.ActionName, where, outcome);
#pragma warning restore CA2254
    }

    /// <summary>Writes the repeats still counted (at host shutdown, the container disposes the events before the logger
    /// factory), then releases the meter the events own.</summary>
    public void Dispose()
    {
        _throttle.Dispose();
        _ownedMeter?.Dispose();
    }

    /// <summary>One line for the repeats of one kind of action on one cookie name over a period: same level and event id
    /// as the action's own line, the count in <c>Repeats</c>.</summary>
    private void WriteSummary(LogThrottle.Summary summary)
    {
        var ruleIndex = summary.Slot / ActionCount;
        var ruleId = RuntimeRules.All[ruleIndex].Id;
        var definition = _defaults[ruleIndex][summary.Slot % ActionCount];
        if (!_logger.IsEnabled(definition.Level))
        {
            return;
        }

        var period = LogText.Period(summary.Period);
        if (summary.CookieName is { } name)
        {
            _logger.Log(definition.Level, definition.EventId, summary.Repeats == 1 ? RepeatTemplate : RepeatsTemplate,
                ruleId, definition.ActionName, summary.Repeats, LogText.CookieName(name), period);
        }
        else
        {
            _logger.Log(definition.Level, definition.EventId, OtherNamesTemplate,
                ruleId, definition.ActionName, summary.Repeats, period, LogThrottle.NameLimit);
        }
    }

    private const string RepeatTemplate = "{RuleId} {Action} {Repeats:N0} more time for cookie '{CookieName}' in the last {Period}";
    private const string RepeatsTemplate = "{RuleId} {Action} {Repeats:N0} more times for cookie '{CookieName}' in the last {Period}";
    private const string OtherNamesTemplate =
        "{RuleId} {Action} {Repeats:N0} more times for cookies of other names in the last {Period} (more than {NameLimit} cookie names were being counted)";

    private int Slot(string ruleId, GuardAction action)
    {
        var index = RuntimeRules.IndexOf(ruleId);
        return index >= 0
            ? (index * ActionCount) + (int)action
            : throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "Not a rule the runtime companion enforces.");
    }

    /// <summary>The actions on one cookie (see <see cref="ForCookie(CookieName)"/>): one look-up of the cookie's name for all of them.</summary>
    internal readonly struct CookieActions
    {
        private readonly StateGuardEvents _events;
        private readonly LogThrottle.Entry? _entry;

        public CookieActions(StateGuardEvents events, LogThrottle.Entry? entry)
        {
            _events = events;
            _entry = entry;
        }

        /// <summary>Counts the action in the meter; true when it is to be logged now (the first of its kind on this cookie
        /// name in the period, or every one when repeats are not summed).</summary>
        public bool Count(string ruleId, GuardAction action)
        {
            var slot = _events.Slot(ruleId, action);
            _events.Count(ruleId, _events._defaults[slot / ActionCount][(int)action]);
            return _events._throttle.ShouldLog(_entry, slot);
        }
    }

    /// <summary>Every cookie event looks its definition up: by the rule's place in a six-entry list, not by hashing strings.</summary>
    private Definition Find(string ruleId, string variant, GuardAction action)
    {
        if (variant != RuleCatalog.DefaultVariant)
        {
            return _variants[(ruleId, variant, action)];
        }

        var index = RuntimeRules.IndexOf(ruleId);
        return index >= 0
            ? _defaults[index][(int)action]
            : throw new ArgumentOutOfRangeException(nameof(ruleId), ruleId, "Not a rule the runtime companion enforces.");
    }

    private void Count(string ruleId, Definition definition)
    {
        // Without a listener the counter records nothing: skip building its tags (every fixed cookie counts several actions).
        if (_actions.Enabled)
        {
            _actions.Add(
                1,
                new KeyValuePair<string, object?>(StateGuardTelemetry.RuleTag, ruleId),
                new KeyValuePair<string, object?>(StateGuardTelemetry.ActionTag, definition.ActionName));
        }
    }

    private sealed class Definition
    {
        public Definition(Rule rule, RuleMessage ruleMessage, GuardAction action)
        {
            ActionName = action.ToString().ToLowerInvariant();
            EventId = new EventId(StateGuardTelemetry.EventId(rule.Id, action), rule.Id);
            Level = action switch
            {
                GuardAction.Reported => ruleMessage.SeverityIn(rule) switch
                {
                    RuleSeverity.Error => LogLevel.Error,
                    RuleSeverity.Warning => LogLevel.Warning,
                    _ => LogLevel.Information,
                },
                GuardAction.Dropped => LogLevel.Warning,
                GuardAction.Failed => LogLevel.Error,
                _ => LogLevel.Information,
            };

            var holes = rule.Id switch
            {
                RuleIds.STATE002 => SizeHoles,
                RuleIds.STATE003 => SignOutHoles,
                RuleIds.STATE008 => SignInHoles,
                RuleIds.STATE009 => LifetimeHoles,
                RuleIds.STATE010 => ruleMessage.Variant switch
                {
                    RuleCatalog.HostCookieWithDomainVariant or RuleCatalog.HostCookieWithPathVariant => CookieHoles,
                    RuleCatalog.LifetimeCappedByBrowserVariant => BrowserLifetimeHoles,
                    _ => PrefixHoles,
                },
                _ => CookieHoles,
            };
            // Cookie names are quoted, as the analyzers quote them in the same messages.
            var message = ruleMessage.Format;
            for (var i = 0; i < holes.Length; i++)
            {
                var hole = holes[i] == "CookieName" ? "'{CookieName}'" : "{" + holes[i] + "}";
                message = message.Replace("{" + i + "}", hole, StringComparison.Ordinal);
            }

            Template = holes == SignOutHoles || holes == SignInHoles
                ? "{RuleId} {Action}: " + message + " [{Outcome}]"
                : "{RuleId} {Action}: " + message + " [{Outcome}; cookie length {CookieLength}]";
        }

        public string ActionName { get; }

        public EventId EventId { get; }

        public LogLevel Level { get; }

        public string Template { get; }
    }
}
