using System.Security.Cryptography;
using System.Text;

namespace ShopApp.Accounts;

public sealed record ShopUser(string Id, string Email, string DisplayName);

/// <summary>Two demo accounts with PBKDF2 password hashes; a real shop would use ASP.NET Core Identity.</summary>
public sealed class DemoUsers
{
    private const int Iterations = 100_000;

    private readonly List<(ShopUser User, byte[] Salt, byte[] Hash)> _accounts = [];

    public DemoUsers()
    {
        Register(new ShopUser("1", "ada@example.com", "Ada"), "correct horse battery staple");
        Register(new ShopUser("2", "grace@example.com", "Grace"), "tr0ub4dor&3");
    }

    public ShopUser? Find(string email, string password)
    {
        foreach (var (user, salt, hash) in _accounts)
        {
            if (string.Equals(user.Email, email, StringComparison.OrdinalIgnoreCase)
                && CryptographicOperations.FixedTimeEquals(Derive(password, salt), hash))
            {
                return user;
            }
        }

        return null;
    }

    /// <summary>A bearer token for the mobile app's API calls.</summary>
    public string IssueApiToken(ShopUser user) =>
        $"{user.Id}.{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";

    private void Register(ShopUser user, string password)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        _accounts.Add((user, salt, Derive(password, salt)));
    }

    private static byte[] Derive(string password, byte[] salt) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
