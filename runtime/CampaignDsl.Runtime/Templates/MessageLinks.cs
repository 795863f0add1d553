namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// Builds the links every message carries from a configurable base (<c>https://links.shop.example</c>):
/// <c>{base}/u/{token}</c> (one-click unsubscribe), <c>{base}/p/{token}</c> (preferences) and
/// <c>{base}/v/{token}/{message}</c> (view in browser). The token is the first 32 hex digits of
/// SHA-256 of campaign and contact, so a link names no contact id; the links stay within the 100
/// characters the compiler allows for them while the base is at most 40.
/// </summary>
public sealed record MessageLinks(string BaseUrl)
{
    public const string DefaultBaseUrl = "https://links.example.invalid";

    public const int MaxBaseLength = 40;

    public static MessageLinks Default { get; } = new(DefaultBaseUrl);

    /// <summary>A problem with <paramref name="baseUrl"/>, or null when it is an absolute http(s) URL of at most 40 characters.</summary>
    public static string? Check(string baseUrl) =>
        !Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            ? $"the link base '{baseUrl}' is not an absolute http or https URL"
            : baseUrl.TrimEnd('/').Length > MaxBaseLength
                ? $"the link base '{baseUrl}' is longer than {MaxBaseLength} characters, so links would exceed the 100 the compiler counts"
                : null;

    public string Unsubscribe(string campaign, string contactId) => $"{Base}/u/{Token(campaign, contactId)}";

    public string Preferences(string campaign, string contactId) => $"{Base}/p/{Token(campaign, contactId)}";

    public string ViewInBrowser(string campaign, string contactId, string sendId) => $"{Base}/v/{Token(campaign, contactId)}/{Uri.EscapeDataString(sendId)}";

    private string Base => BaseUrl.TrimEnd('/');

    private static string Token(string campaign, string contactId) => TemplateCache.Hash(campaign + "\n" + contactId)[..32];
}
