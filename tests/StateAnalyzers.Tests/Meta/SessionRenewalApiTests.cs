using StateAnalyzers.Analysis;

namespace StateAnalyzers.Tests.Meta;

/// <summary>
/// STATE008 accepts the runtime companion's <c>HttpContext.RenewSessionAsync()</c> by the full name of the class that
/// declares it; the analyzer tests declare it under that name. This checks that the package's public API really has it
/// there, so a rename of the runtime's class fails here instead of silently turning the analyzer's acceptance off.
/// </summary>
public class SessionRenewalApiTests
{
    [Fact]
    public void The_runtime_companion_declares_RenewSessionAsync_in_the_class_the_analyzer_binds_to()
    {
        var api = Repository.Read("src/StateAnalyzers.AspNetCore/PublicAPI.Shipped.txt") + "\n" +
                  Repository.Read("src/StateAnalyzers.AspNetCore/PublicAPI.Unshipped.txt");

        Assert.Contains(
            $"static {WellKnownTypes.SessionRenewalExtensionsName}.RenewSessionAsync(this Microsoft.AspNetCore.Http.HttpContext! context) -> System.Threading.Tasks.Task!",
            api,
            StringComparison.Ordinal);
    }
}
