using System.Globalization;

namespace CampaignDsl.Runtime.Plugins;

/// <summary>Values between plugin functions and templates: Handlebars hands over what the message model holds, and prints text.</summary>
public static class PluginValues
{
    /// <summary>A helper argument as a plan value: whole and floating numbers become <see cref="decimal"/>, dates stay dates.</summary>
    public static object? FromTemplate(object? argument) => argument switch
    {
        int i => (decimal)i,
        long l => (decimal)l,
        double d => (decimal)d,
        float f => (decimal)f,
        DateTime t => new DateTimeOffset(DateTime.SpecifyKind(t, DateTimeKind.Utc)),
        string or decimal or bool or DateOnly or DateTimeOffset or null => argument,
        _ => Convert.ToString(argument, CultureInfo.InvariantCulture),
    };

    /// <summary>A function's result as the text a template prints: invariant numbers, <c>true</c>/<c>false</c>, ISO dates.</summary>
    public static string ToTemplate(object value) => value switch
    {
        bool b => b ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
