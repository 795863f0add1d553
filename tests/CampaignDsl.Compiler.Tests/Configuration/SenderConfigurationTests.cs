using static CampaignDsl.Compiler.Tests.Configuration.ConfigurationFiles;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary>The settings of <c>runtime.sender</c>: STARTTLS, credentials by variable name, rate limit, retry budget, webhook headers.</summary>
public sealed class SenderConfigurationTests
{
    [Fact]
    public void Smtp_settings_are_read_with_the_names_of_the_credential_variables()
    {
        var loaded = Load("""
            runtime:
              sender:
                kind: smtp
                host: smtp.shop.example
                port: 587
                starttls: optional
                username_env: SHOP_SMTP_USER
                password_env: SHOP_SMTP_PASSWORD
                rate_per_second: 20
                max_attempts: 4
                timeout_seconds: 15
            """);

        AssertClean(loaded);
        var sender = loaded.Configuration.Runtime.Sender!;
        Assert.Equal("optional", sender.Get("starttls"));
        Assert.Equal("SHOP_SMTP_PASSWORD", sender.Get("password_env"));
        Assert.Equal(20, sender.GetNumber("rate_per_second"));
        Assert.Equal(4, sender.GetNumber("max_attempts"));
        Assert.Equal(15, sender.GetNumber("timeout_seconds"));
    }

    [Fact]
    public void Webhook_headers_are_kept_as_written()
    {
        var loaded = Load("""
            runtime:
              sender:
                kind: webhook
                url: https://hooks.shop.example/send
                token_env: HOOK_TOKEN
                headers: { X-Tenant: shop, X-Source: campaignc }
            """);

        AssertClean(loaded);
        Assert.Equal("shop", loaded.Configuration.Runtime.Sender!.Mapping["X-Tenant"]);
        Assert.Equal("HOOK_TOKEN", loaded.Configuration.Runtime.Sender.Get("token_env"));
    }

    [Theory]
    [InlineData("starttls: requird", "requird")]
    [InlineData("rate_per_second: 0", "0")]
    [InlineData("max_attempts: -2", "-2")]
    [InlineData("timeout_seconds: 1.5", "1.5")]
    public void An_invalid_sender_setting_is_CDSL0077_on_its_value(string line, string spanned)
    {
        AssertOnly(Load($"runtime:\n  sender:\n    kind: smtp\n    host: h\n    {line}\n"), "CDSL0077", 5, spanned);
    }

    [Fact]
    public void A_misspelt_starttls_choice_gets_a_suggestion()
    {
        var diagnostic = Single(Load("runtime:\n  sender: { kind: smtp, host: h, starttls: requird }\n"));

        Assert.Contains("`required`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_written_where_a_variable_name_belongs_is_CDSL0077_and_never_repeated()
    {
        var diagnostic = AssertOnly(Load("runtime:\n  sender: { kind: smtp, host: h, password_env: \"hunter2!secret\" }\n"), "CDSL0077", 2, "\"hunter2!secret\"");

        Assert.DoesNotContain("hunter2", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_file_sender_takes_the_send_policy_too()
    {
        var loaded = Load("runtime:\n  sender: { kind: file, folder: outbox, rate_per_second: 50, max_attempts: 2 }\n");

        AssertClean(loaded);
        Assert.Equal(50, loaded.Configuration.Runtime.Sender!.GetNumber("rate_per_second"));
    }
}
