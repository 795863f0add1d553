namespace Campaignc.Tests.Infrastructure;

/// <summary>
/// Small campaigns whose diagnostics (or lack of them) the tests know by heart. Their message is
/// written inline, so that a test folder needs no template file beside the campaign.
/// </summary>
internal static class SampleCampaigns
{
    public static string Valid(string name = "welcome_new") => $$$"""
        campaign {{{name}}} "Welcome" {
          type welcome
          audience {
            where subscribed
          }
          stage hello {
            send email body "Hello! Unsubscribe: {{unsubscribe_url}}" subject "Hello"
          }
        }

        """;

    /// <summary>One error: the unknown function <c>days_sinse</c> at line 4, columns 11..20 (CDSL0015).</summary>
    public static string WithUnknownFunction(string name = "broken") => $$$"""
        campaign {{{name}}} "Broken" {
          type winback
          audience {
            where days_sinse(last purchase) > 90
          }
          stage hello {
            send email body "Hello! Unsubscribe: {{unsubscribe_url}}" subject "Hello"
          }
        }

        """;

    public const string UnknownFunctionCode = "CDSL0015";
    public const int UnknownFunctionLine = 4;
    public const int UnknownFunctionColumn = 11;
    public const int UnknownFunctionEndColumn = 21;
}
