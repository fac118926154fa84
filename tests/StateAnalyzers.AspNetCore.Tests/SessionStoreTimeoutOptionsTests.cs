using Microsoft.Extensions.Options;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>StateGuard:Session:StoreTimeout binds from configuration and is validated when the host starts.</summary>
public sealed class SessionStoreTimeoutOptionsTests
{
    private static void NoEndpoints(WebApplication app)
    {
    }

    [Fact]
    public async Task The_store_timeout_defaults_to_two_seconds_and_binds_from_configuration()
    {
        await using (var host = await GuardHost.StartAsync(NoEndpoints))
        {
            Assert.Equal(TimeSpan.FromSeconds(2), host.Services.GetRequiredService<IOptions<StateGuardOptions>>().Value.Session.StoreTimeout);
        }

        await using (var host = await GuardHost.StartAsync(NoEndpoints, new Dictionary<string, string?> { ["StateGuard:Session:StoreTimeout"] = "00:00:00.500" }))
        {
            Assert.Equal(TimeSpan.FromMilliseconds(500), host.Services.GetRequiredService<IOptions<StateGuardOptions>>().Value.Session.StoreTimeout);
        }
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    [InlineData("00:05:00")]
    public async Task A_store_timeout_that_is_not_positive_or_over_a_minute_stops_the_start_up_with_the_key(string timeout)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["StateGuard:Session:StoreTimeout"] = timeout,
            ["StateGuard:MaxCookieBytes"] = "0",
        };

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => GuardHost.StartAsync(NoEndpoints, configuration));

        Assert.Contains(error.Failures, f => f.StartsWith("StateGuard:Session:StoreTimeout is " + timeout + ";", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.StartsWith("StateGuard:MaxCookieBytes", StringComparison.Ordinal));
    }
}
