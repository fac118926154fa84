using Microsoft.AspNetCore.Identity;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>STATE003 with ASP.NET Core Identity: SignInManager.SignOutAsync signs out of three schemes; the session is
/// cleared once, by the application scheme, and the external / two-factor sign-outs keep nothing alive by themselves.</summary>
public sealed class SignInManagerSignOutTests
{
    [Fact]
    public async Task SignInManager_sign_out_clears_the_session_once()
    {
        await using var host = await GuardHost.StartAsync(
            app =>
            {
                app.MapGet("/login", async (HttpContext c, SignInManager<ShopUser> signIn) =>
                {
                    await signIn.SignInAsync(new ShopUser("1", "ada"), isPersistent: false);
                    c.Session.SetString("cart", "3 books");
                    return "signed in";
                });
                app.MapGet("/cart", (HttpContext c) => c.Session.GetString("cart") ?? ShopApp.EmptyCart);
                app.MapGet("/logout", async (SignInManager<ShopUser> signIn) =>
                {
                    await signIn.SignOutAsync();
                    return "signed out";
                });
            },
            services: b =>
            {
                b.Services.AddDistributedMemoryCache();
                b.Services.AddSession();
                b.Services.AddSingleton<IUserStore<ShopUser>, ShopUserStore>();
                b.Services.AddIdentityCore<ShopUser>().AddSignInManager();
                b.Services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
            },
            pipeline: app =>
            {
                app.UseStateGuard();
                app.UseSession();
                app.UseAuthentication();
            });
        var jar = new CookieJar();
        await host.GetAsync("/login", jar);
        Assert.True(jar.Cookies.ContainsKey(".AspNetCore.Identity.Application"));

        var response = await host.GetAsync("/logout", jar);

        Assert.True(response.IsSuccessStatusCode);
        Assert.False(jar.Cookies.ContainsKey(".AspNetCore.Identity.Application"));
        Assert.Equal(ShopApp.EmptyCart, await (await host.GetAsync("/cart", jar)).Content.ReadAsStringAsync());
        var record = Assert.Single(host.Logs.Guard, r => r.EventId.Name == RuleIds.STATE003);
        Assert.Contains("'" + IdentityConstants.ApplicationScheme + "'", record.Message, StringComparison.Ordinal);
    }
}

public sealed record ShopUser(string Id, string UserName);

/// <summary>The least a user store needs for sign-in and sign-out.</summary>
internal sealed class ShopUserStore : IUserStore<ShopUser>
{
    public Task<string> GetUserIdAsync(ShopUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id);

    public Task<string?> GetUserNameAsync(ShopUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(ShopUser user, string? userName, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<string?> GetNormalizedUserNameAsync(ShopUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.UserName.ToUpperInvariant());

    public Task SetNormalizedUserNameAsync(ShopUser user, string? normalizedName, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IdentityResult> CreateAsync(ShopUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IdentityResult> UpdateAsync(ShopUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IdentityResult> DeleteAsync(ShopUser user, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<ShopUser?> FindByIdAsync(string userId, CancellationToken cancellationToken) =>
        Task.FromResult<ShopUser?>(userId == "1" ? new ShopUser("1", "ada") : null);

    public Task<ShopUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken) =>
        Task.FromResult<ShopUser?>(normalizedUserName == "ADA" ? new ShopUser("1", "ada") : null);

    public void Dispose()
    {
    }
}
