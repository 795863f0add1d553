using static CampaignDsl.Compiler.Tests.Configuration.ConfigurationFiles;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary><c>runtime.forecast</c>: overrides of the engagement forecast's benchmark rates, each bad value reported where it was written.</summary>
public sealed class ForecastConfigurationTests
{
    [Fact]
    public void Rates_per_campaign_type_and_the_organic_rate_are_read_as_percentages()
    {
        var loaded = Load("""
            runtime:
              forecast:
                organic: 2.5%
                reengagement: { open: 30%, click: 2% }
                winback:
                  conversion: 0.8%
                  unsubscribe: 0%
            """);
        AssertClean(loaded);
        var forecast = loaded.Configuration.Runtime.Forecast;
        Assert.Equal(2.5m, forecast.Organic);
        Assert.Equal(30m, forecast.Types["reengagement"].Open);
        Assert.Equal(2m, forecast.Types["reengagement"].Click);
        Assert.Null(forecast.Types["reengagement"].Conversion);
        Assert.Equal(0.8m, forecast.Types["winback"].Conversion);
        Assert.Equal(0m, forecast.Types["winback"].Unsubscribe);
    }

    [Theory]
    [InlineData("14", "14")]
    [InlineData("140%", "140%")]
    [InlineData("-1%", "-1%")]
    [InlineData("lots", "lots")]
    public void A_rate_that_is_not_a_percentage_is_CDSL0077_at_the_value(string written, string spanned)
    {
        var loaded = Load($"runtime:\n  forecast:\n    reengagement:\n      open: {written}\n");
        AssertOnly(loaded, "CDSL0077", 4, spanned);
    }

    [Fact]
    public void A_click_rate_above_the_open_rate_given_beside_it_is_CDSL0077_at_the_click()
    {
        var loaded = Load("runtime:\n  forecast:\n    reengagement: { open: 10%, click: 12% }\n");
        var diagnostic = AssertOnly(loaded, "CDSL0077", 3, "12%");
        Assert.Contains("`open` (10%)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_campaign_type_or_rate_is_CDSL0074_with_a_suggestion()
    {
        var type = AssertOnly(Load("runtime:\n  forecast:\n    reengagment: { open: 10% }\n"), "CDSL0074", 3, "reengagment");
        Assert.Contains("reengagement", type.Message, StringComparison.Ordinal);
        AssertOnly(Load("runtime:\n  forecast:\n    winback: { opens: 10% }\n"), "CDSL0074", 3, "opens");
    }
}
