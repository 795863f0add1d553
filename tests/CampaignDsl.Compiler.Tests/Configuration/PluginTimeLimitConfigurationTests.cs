using static CampaignDsl.Compiler.Tests.Configuration.ConfigurationFiles;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary><c>plugin_time_limit</c> in campaignc.yaml: a duration with its unit, from 1 ms to 10 minutes; anything else is located.</summary>
public sealed class PluginTimeLimitConfigurationTests
{
    [Fact]
    public void Without_the_key_each_call_gets_five_seconds()
    {
        var loaded = Load("version: 1\n");
        AssertClean(loaded);
        Assert.Equal(TimeSpan.FromSeconds(5), loaded.Configuration.PluginTimeLimit);
    }

    [Theory]
    [InlineData("1ms", 1)]
    [InlineData("200ms", 200)]
    [InlineData("5s", 5_000)]
    [InlineData("2m", 120_000)]
    [InlineData("600000ms", 600_000)]
    [InlineData("10m", 600_000)]
    [InlineData("\"750ms\"", 750)]
    public void A_duration_with_its_unit_is_the_limit(string written, int milliseconds)
    {
        var loaded = Load($"version: 1\nplugin_time_limit: {written}\n");
        AssertClean(loaded);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), loaded.Configuration.PluginTimeLimit);
    }

    [Theory]
    [InlineData("0ms")]
    [InlineData("0s")]
    [InlineData("-1s")]
    [InlineData("5")]            // no unit: seconds or milliseconds?
    [InlineData("1.5s")]
    [InlineData("5 s")]
    [InlineData("5h")]
    [InlineData("11m")]
    [InlineData("600001ms")]
    [InlineData("99999999999999999999s")]
    [InlineData("off")]
    public void Zero_negative_unitless_or_huge_is_an_error_at_the_value_and_the_default_stands(string written)
    {
        var loaded = Load($"version: 1\nplugin_time_limit: {written}\n");
        var diagnostic = AssertOnly(loaded, "CDSL0077", 2, written);
        Assert.Contains("1ms to 10m", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(5), loaded.Configuration.PluginTimeLimit);
    }

    [Fact]
    public void A_list_or_a_block_is_a_value_of_the_wrong_kind()
    {
        var loaded = Load("version: 1\nplugin_time_limit: [5s]\n");
        Assert.Equal("CDSL0076", Single(loaded).Code);
        Assert.Equal(2, Single(loaded).Location.Start.Line);
        Assert.Equal(TimeSpan.FromSeconds(5), loaded.Configuration.PluginTimeLimit);
    }
}
