using Microsoft.AspNetCore.DataProtection;
using StateAnalyzers.AspNetCore.Internal;
using StateAnalyzers.AspNetCore.Tests.Infrastructure;
using StateAnalyzers.Catalogue;

namespace StateAnalyzers.AspNetCore.Tests;

/// <summary>The building blocks of the content rules, one behaviour per test.</summary>
public sealed class DetectionTests
{
    [Theory]
    [InlineData("CardNumber", "card|number")]
    [InlineData("api_key", "api|key")]
    [InlineData("APIKey", "api|key")]
    [InlineData("user.email-address", "user|email|address")]
    [InlineData("token2fa", "token|fa")]
    [InlineData("__Host-session", "host|session")]
    public void Names_split_into_lower_case_word_parts(string name, string parts)
    {
        Assert.Equal(parts.Split('|'), WordParts.Split(name));
    }

    [Theory]
    [InlineData("AuthToken", true)]
    [InlineData("api_key", true)]
    [InlineData("apikey", true)]
    [InlineData("CreditCard", true)]
    [InlineData("DateOfBirth", true)]
    [InlineData("tokenizer", false)]
    [InlineData("secretariat", false)]
    [InlineData("passwordless", false)]
    [InlineData("theme", false)]
    public void Sensitive_words_match_whole_word_parts_only(string name, bool sensitive)
    {
        var words = SensitiveWords.Secrets.Concat(SensitiveWords.PersonalData);

        Assert.Equal(sensitive, WordParts.FindRun(WordParts.Split(name), words) is not null);
    }

    [Theory]
    [InlineData("a@b.cd", "the value is an e-mail address")]
    [InlineData("a%40b.cd", "the value is an e-mail address")]
    [InlineData("{\"pw\":", "the value is JSON with a password field 'pw'")]
    [InlineData(" a@b.cd ", "the value is an e-mail address")]
    [InlineData("a@b.c", null)]
    [InlineData("{\"p\":", null)]
    public void The_shortest_shapes_are_still_found_past_the_length_first_reject(string value, string? reason)
    {
        Assert.Equal(reason, SecretValueShapes.Describe(value));
    }

    [Fact]
    public void A_well_formed_JWT_is_recognized_and_look_alikes_are_not()
    {
        Assert.True(SecretValueShapes.IsJsonWebToken(Secrets.Jwt()));
        Assert.False(SecretValueShapes.IsJsonWebToken(Secrets.Base64Url("{\"typ\":\"JWT\"}") + ".e30.sig"));
        Assert.False(SecretValueShapes.IsJsonWebToken(Secrets.Base64Url("[1,2]") + ".e30.sig"));
        Assert.False(SecretValueShapes.IsJsonWebToken("eyJhbGciOiJIUzI1NiJ9.only-two"));
        Assert.False(SecretValueShapes.IsJsonWebToken("eyJhbGciOiJIUzI1NiJ9.a b.c"));
    }

    [Fact]
    public void Data_Protection_payloads_are_recognized_in_base64_and_base64url()
    {
        var protector = DataProtectionProvider.Create("stateguard-tests").CreateProtector("purpose");
        var bytes = protector.Protect(new byte[] { 1, 2, 3 });
        var values = new SecretValues();

        Assert.True(values.IsDataProtected(Convert.ToBase64String(bytes)));
        Assert.True(values.IsDataProtected(Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_')));
        Assert.True(values.IsDataProtected(protector.Protect("text")));
        Assert.False(values.IsDataProtected(Convert.ToBase64String(new byte[bytes.Length])));
        Assert.False(values.IsDataProtected("CfDJ8short"));
    }

    [Theory]
    [InlineData("a=1; Path=/; HttpOnly; Secure; SameSite=Strict", true, true, "Strict", false)]
    [InlineData("a=1; httponly; samesite=none; samesite=lax", true, false, "Lax", false)]
    [InlineData("a=1; SameSite=Bogus", false, false, "Unspecified", false)]
    [InlineData("a=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/", false, false, "Unspecified", true)]
    [InlineData("a=1; Max-Age=0", false, false, "Unspecified", true)]
    [InlineData("a=1; Max-Age=60; expires=Thu, 01 Jan 1970 00:00:00 GMT", false, false, "Unspecified", false)]
    public void Set_Cookie_headers_are_read_like_browsers_read_them(string header, bool httpOnly, bool secure, string sameSite, bool deletion)
    {
        Assert.True(SetCookieHeader.TryParse(header, DateTimeOffset.UtcNow, out var cookie));
        Assert.Equal("a", cookie.Name.ToString());
        Assert.Equal(httpOnly, cookie.HttpOnly);
        Assert.Equal(secure, cookie.Secure);
        Assert.Equal(sameSite, cookie.SameSite.ToString());
        Assert.Equal(deletion, cookie.IsDeletion);
    }

    [Fact]
    public void A_quoted_value_is_read_without_its_quotes_and_a_header_without_a_pair_is_ignored()
    {
        Assert.True(SetCookieHeader.TryParse("a=\"xyz\"; Secure", DateTimeOffset.UtcNow, out var quoted));
        Assert.Equal("xyz", quoted.Value.ToString());
        Assert.False(SetCookieHeader.TryParse("=", DateTimeOffset.UtcNow, out _));
        Assert.False(SetCookieHeader.TryParse(" ; Secure", DateTimeOffset.UtcNow, out _));
    }

    [Theory]
    [InlineData("=value; Secure", "", "value")]
    [InlineData("sk_live_abc", "", "sk_live_abc")]
    [InlineData("a=b=c", "a", "b=c")]
    public void A_nameless_cookie_is_read_as_RFC_6265bis_reads_it(string header, string name, string value)
    {
        Assert.True(SetCookieHeader.TryParse(header, DateTimeOffset.UtcNow, out var cookie));
        Assert.Equal(name, cookie.Name.ToString());
        Assert.Equal(value, cookie.Value.ToString());
    }

    [Theory]
    [InlineData("Thu, 01 Jan 1970 00:00:00 GMT", "1970-01-01T00:00:00")]
    [InlineData("Sunday, 06-Nov-94 08:49:37 GMT", "1994-11-06T08:49:37")]
    [InlineData("Sun Nov  6 08:49:37 1994", "1994-11-06T08:49:37")]
    [InlineData("6 nov 2069 8:9:7", "2069-11-06T08:09:07")]
    [InlineData("Wed, 09 Jun 2021 10:18:14 GMT; junk", "2021-06-09T10:18:14")]
    public void The_cookie_date_algorithm_reads_what_browsers_read(string text, string expected)
    {
        Assert.True(CookieDate.TryParse(text, out var date));
        Assert.Equal(DateTimeOffset.Parse(expected + "Z", System.Globalization.CultureInfo.InvariantCulture), date);
    }

    [Theory]
    [InlineData("1/1/2000")]
    [InlineData("2000-01-01T00:00:00Z")]
    [InlineData("Thu, 30 Feb 2023 00:00:00 GMT")]
    [InlineData("Thu, 01 Jan 1600 00:00:00 GMT")]
    [InlineData("Thu, 01 Jan 2023 24:00:00 GMT")]
    [InlineData("yesterday")]
    public void The_cookie_date_algorithm_rejects_what_browsers_ignore(string text)
    {
        Assert.False(CookieDate.TryParse(text, out _));
    }
}
