using System.Diagnostics.CodeAnalysis;
using HandlebarsDotNet;
using HandlebarsDotNet.IO;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// Prints values the way JavaScript's <c>String(value)</c> does, as handlebars.js prints them:
/// booleans as <c>true</c>/<c>false</c> (Handlebars.Net writes .NET's <c>True</c>/<c>False</c>).
/// </summary>
internal sealed class JsValueFormatters : IFormatterProvider
{
    public bool TryCreateFormatter(Type type, [NotNullWhen(true)] out IFormatter? formatter)
    {
        if (type == typeof(bool))
        {
            formatter = new BooleanFormatter();
            return true;
        }

        formatter = null;
        return false;
    }

    private sealed class BooleanFormatter : IFormatter
    {
        public void Format<T>(T value, in EncodedTextWriter writer) => writer.Write(value is true ? "true" : "false", false);
    }
}
