using System.ComponentModel.DataAnnotations;

namespace ShopApp.Accounts;

public sealed class LoginForm
{
    [Required]
    [EmailAddress]
    public string Email { get; set; } = "";

    [Required]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }
}
