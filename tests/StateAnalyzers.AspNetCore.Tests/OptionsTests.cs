using Microsoft.Extensions.Options;
using StateAnalyzers.AspNetCore.Internal;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>Binding from the StateGuard section, the delegate on top, and validation that fails the start-up.</summary>
public sealed class OptionsTests
{
    private static void NoEndpoints(WebApplication app)
    {
    }

    [Fact]
    public async Task Defaults_come_from_the_catalogue()
    {
        await using var host = await GuardHost.StartAsync(NoEndpoints);

        var options = host.Services.GetRequiredService<IOptions<StateGuardOptions>>().Value;

        Assert.Equal(StateGuardMode.Enforce, options.Mode);
        Assert.Equal(RuleCatalog.MaxCookieBytes, options.MaxCookieBytes);
        Assert.Equal(StateGuardSecurePolicy.Always, options.SecurePolicy);
        Assert.Equal(RuleCatalog.MaxAuthLifetime.Default, options.MaxAuthLifetime);
        Assert.Equal(new[] { "STATE001", "STATE002", "STATE003", "STATE004", "STATE005", "STATE006", "STATE008", "STATE009", "STATE010" }, options.Rules.Keys.Order());
        Assert.True(options.Session.RenewAtSignIn);
        Assert.Empty(options.Session.KeepAtSignIn);
        Assert.Equal(Assert.Single(RuleCatalog.HttpOnlyAllowedCookieNames.Default), Assert.Single(options.Rules[RuleIds.STATE004].ExemptCookies));
        Assert.All(options.Rules.Values, r => Assert.Null(r.Mode));
    }

    [Fact]
    public async Task Every_option_binds_from_the_StateGuard_section_and_the_delegate_runs_last()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["StateGuard:Mode"] = "Report",
            ["StateGuard:MaxCookieBytes"] = "2048",
            ["StateGuard:SecurePolicy"] = "SameAsRequest",
            ["StateGuard:ExemptCookies:0"] = "legacy",
            ["StateGuard:AdditionalSensitiveNames:0"] = "license key",
            ["StateGuard:AdditionalSecretPrefixes:0"] = "acme_",
            ["StateGuard:SignOutSchemesKeepingSession:0"] = "Partner",
            ["StateGuard:Rules:state004:Mode"] = "Enforce",
            ["StateGuard:Rules:STATE004:ExemptCookies:0"] = "spa-theme",
            ["StateGuard:Rules:STATE003:Mode"] = "Off",
            ["StateGuard:Session:RenewAtSignIn"] = "false",
            ["StateGuard:Session:KeepAtSignIn:0"] = "cart",
        };
        await using var host = await GuardHost.StartAsync(NoEndpoints, configuration, options: o => o.MaxCookieBytes = 3000);

        var options = host.Services.GetRequiredService<IOptions<StateGuardOptions>>().Value;

        Assert.Equal(StateGuardMode.Report, options.Mode);
        Assert.Equal(3000, options.MaxCookieBytes);
        Assert.Equal(StateGuardSecurePolicy.SameAsRequest, options.SecurePolicy);
        Assert.Equal(new[] { "legacy" }, options.ExemptCookies);
        Assert.Equal(new[] { "license key" }, options.AdditionalSensitiveNames);
        Assert.Equal(new[] { "acme_" }, options.AdditionalSecretPrefixes);
        Assert.Contains("Partner", options.SignOutSchemesKeepingSession);
        Assert.Contains("Identity.External", options.SignOutSchemesKeepingSession);
        Assert.Equal(StateGuardMode.Enforce, options.Rules["STATE004"].Mode);
        Assert.Equal(new[] { "XSRF-TOKEN", "spa-theme" }, options.Rules["STATE004"].ExemptCookies);
        Assert.Equal(StateGuardMode.Off, options.Rules["STATE003"].Mode);
        Assert.Null(options.Rules["STATE001"].Mode);
        Assert.False(options.Session.RenewAtSignIn);
        Assert.Equal(new[] { "cart" }, options.Session.KeepAtSignIn);
    }

    public static TheoryData<string, string, string> Misconfigurations() => new()
    {
        { "StateGuard:Rules:STATE007:Mode", "Report", "StateGuard:Rules:STATE007 has no runtime check" },
        { "StateGuard:Rules:STATE099:Mode", "Report", "StateGuard:Rules:STATE099 is not a rule; the runtime rules are STATE001, STATE002, STATE003, STATE004, STATE005, STATE006, STATE008, STATE009, STATE010." },
        { "StateGuard:MaxCookieBytes", "0", "StateGuard:MaxCookieBytes is 0; it must be a positive number of bytes" },
        { "StateGuard:ExemptCookies:0", "my cookie", "StateGuard:ExemptCookies has 'my cookie', which is not a valid cookie name" },
        { "StateGuard:Rules:STATE004:ExemptCookies:0", "a;b", "StateGuard:Rules:STATE004:ExemptCookies has 'a;b'" },
        { "StateGuard:AdditionalSecretPrefixes:0", "sk", "StateGuard:AdditionalSecretPrefixes has 'sk'; a prefix needs at least 3 characters" },
        { "StateGuard:Mode", "Strict", "StateGuard:Mode" },
        { "StateGuard:Mode", "Report,Enforce", "StateGuard:Mode is 'Report,Enforce'; use Off, Report or Enforce." },
        { "StateGuard:Rules:STATE004:Mode", "Report,Enforce", "StateGuard:Rules:STATE004:Mode is 'Report,Enforce'; use Off, Report or Enforce." },
        { "StateGuard:Mode", "Off,Report", "StateGuard:Mode is 'Off,Report'; use Off, Report or Enforce." },
        { "StateGuard:Mode", "2", "StateGuard:Mode is '2'; use Off, Report or Enforce." },
        { "StateGuard:Mdoe", "Report", "StateGuard:Mdoe is not an option; the options at this level are Mode, Rules," },
        { "StateGuard:Rules:STATE004:Mdoe", "Report", "StateGuard:Rules:STATE004:Mdoe is not an option; the options at this level are Mode, ExemptCookies." },
        { "StateGuard:MaxCookieBytes", "4k", "StateGuard:MaxCookieBytes is '4k', which is not a whole number." },
        { "StateGuard:Session:KeepAtSignIn:0", " ", "StateGuard:Session:KeepAtSignIn has an empty entry" },
        { "StateGuard:Session:RenewAtSignIn", "sometimes", "StateGuard:Session:RenewAtSignIn is 'sometimes'" },
        { "StateGuard:Session:StoreTimeout", "2s", "StateGuard:Session:StoreTimeout is '2s', which is not a time span" },
        { "StateGuard:ExemptCookies", "legacy", "StateGuard:ExemptCookies is 'legacy', but it is a list; give its items as StateGuard:ExemptCookies:0" },
        { "StateGuard:Session", "on", "StateGuard:Session is 'on', but it is a section of options" },
        { "StateGuard:LogRepeatInterval", "-00:00:01", "StateGuard:LogRepeatInterval is -00:00:01; it must be zero (log every action) or more, and at most 01:00:00" },
        { "StateGuard:LogRepeatInterval", "02:00:00", "StateGuard:LogRepeatInterval is 02:00:00; it must be zero (log every action) or more, and at most 01:00:00" },
        { "StateGuard:LogRepeatInterval", "often", "StateGuard:LogRepeatInterval is 'often', which is not a time span" },
    };

    [Theory]
    [MemberData(nameof(Misconfigurations))]
    public async Task A_misconfiguration_fails_the_start_up_with_a_message_naming_the_key(string key, string value, string message)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(() =>
            GuardHost.StartAsync(NoEndpoints, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_problems_are_reported_together()
    {
        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => GuardHost.StartAsync(
            NoEndpoints,
            new Dictionary<string, string?> { ["StateGuard:MaxCookieBytes"] = "-1", ["StateGuard:Rules:STATE007:Mode"] = "Off" }));

        Assert.Equal(2, exception.Failures.Count());
    }

    [Fact]
    public async Task A_value_that_cannot_be_bound_does_not_hide_the_other_problems_and_the_good_keys_still_bind()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["StateGuard:Mode"] = "Strict",
            ["StateGuard:Rules:STATE004:Mode"] = "Off,Report",
            ["StateGuard:Mdoe"] = "Report",
            ["StateGuard:MaxCookieBytes"] = "-1",
            ["StateGuard:SecurePolicy"] = "SameAsRequest",
        };

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => GuardHost.StartAsync(NoEndpoints, configuration));

        Assert.Collection(
            exception.Failures.Order(StringComparer.Ordinal),
            f => Assert.StartsWith("StateGuard:MaxCookieBytes is -1;", f, StringComparison.Ordinal),
            f => Assert.StartsWith("StateGuard:Mdoe is not an option;", f, StringComparison.Ordinal),
            f => Assert.Equal("StateGuard:Mode is 'Strict'; use Off, Report or Enforce.", f),
            f => Assert.Equal("StateGuard:Rules:STATE004:Mode is 'Off,Report'; use Off, Report or Enforce.", f));
    }

    [Fact]
    public void The_keys_that_are_right_are_bound_beside_those_that_are_not()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StateGuard:Mode"] = "Strict",
            ["StateGuard:SecurePolicy"] = "sameasrequest",
            ["StateGuard:Rules:state005:Mode"] = "report",
            ["StateGuard:ExemptCookies:0"] = "legacy",
        }).Build().GetSection(StateGuardOptions.SectionName);
        var options = new StateGuardOptions();

        StateGuardConfigurationBinder.Bind(section, options);

        Assert.Equal("StateGuard:Mode is 'Strict'; use Off, Report or Enforce.", Assert.Single(options.ConfigurationProblems));
        Assert.Equal(StateGuardMode.Enforce, options.Mode);
        Assert.Equal(StateGuardSecurePolicy.SameAsRequest, options.SecurePolicy);
        Assert.Equal(StateGuardMode.Report, options.Rules["STATE005"].Mode);
        Assert.Equal(new[] { "legacy" }, options.ExemptCookies);
    }

    [Fact]
    public async Task A_rule_set_to_Enforce_under_a_global_Mode_Off_is_reported_at_start_up_and_stays_off()
    {
        await using var host = await GuardHost.StartAsync(
            app => app.MapGet("/", (HttpContext c) =>
            {
                c.Response.Cookies.Append("prefs", "dark");
                return "ok";
            }),
            new Dictionary<string, string?> { ["StateGuard:Mode"] = "Off", ["StateGuard:Rules:STATE004:Mode"] = "Enforce" });

        var warning = Assert.Single(host.Logs.Guard, r => r.Level == LogLevel.Warning);
        Assert.Contains("StateGuard:Rules:STATE004:Mode is Enforce", warning.Message, StringComparison.Ordinal);
        Assert.Equal("prefs=dark; path=/", SetCookies.Single(await host.GetAsync("/"), "prefs").Header);
    }

    [Fact]
    public async Task UseStateGuard_without_AddStateGuard_says_what_to_call()
    {
        var builder = WebApplication.CreateBuilder();
        Microsoft.AspNetCore.TestHost.WebHostBuilderExtensions.UseTestServer(builder.WebHost);
        await using var app = builder.Build();

        var exception = Assert.Throws<InvalidOperationException>(() => app.UseStateGuard());

        Assert.Contains("AddStateGuard()", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStateGuard_twice_decorates_the_authentication_service_once()
    {
        await using var host = await GuardHost.StartAsync(NoEndpoints, services: b => b.Services.AddStateGuard().AddAuthentication());

        using var scope = host.Services.CreateScope();
        var service = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Authentication.IAuthenticationService>();

        var decorator = Assert.IsType<Internal.StateGuardAuthenticationService>(service);
        Assert.IsAssignableFrom<Microsoft.AspNetCore.Authentication.AuthenticationService>(decorator.Inner);
        Assert.Single(host.Services.GetServices<IValidateOptions<StateGuardOptions>>(), v => v is Internal.StateGuardOptionsValidator);
    }
}
