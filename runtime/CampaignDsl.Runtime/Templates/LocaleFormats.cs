using System.Globalization;

namespace CampaignDsl.Runtime.Templates;

/// <summary>
/// How a date and time is written for a contact's locale. The runtime runs with invariant
/// globalization (no ICU), so the numeric patterns of the common locales are kept here; an unknown or
/// missing locale gets ISO 8601 (<c>2026-12-31 23:59</c>). Every pattern prints at most 20 characters,
/// inside the 25 the compiler counts for a date in an SMS.
/// </summary>
public static class LocaleFormats
{
    public const string Iso = "yyyy-MM-dd HH:mm";

    private static readonly Dictionary<string, string> ByLocale = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en-US"] = "M/d/yyyy h:mm tt",
        ["en-CA"] = "yyyy-MM-dd h:mm tt",
        ["en"] = "dd/MM/yyyy HH:mm",
        ["nl"] = "dd-MM-yyyy HH:mm",
        ["de"] = "dd.MM.yyyy HH:mm",
        ["fr"] = "dd/MM/yyyy HH:mm",
        ["fr-CA"] = "yyyy-MM-dd HH:mm",
        ["es"] = "dd/MM/yyyy HH:mm",
        ["it"] = "dd/MM/yyyy HH:mm",
        ["pt"] = "dd/MM/yyyy HH:mm",
        ["da"] = "dd.MM.yyyy HH.mm",
        ["fi"] = "d.M.yyyy HH.mm",
        ["nb"] = "dd.MM.yyyy HH:mm",
        ["no"] = "dd.MM.yyyy HH:mm",
        ["pl"] = "dd.MM.yyyy HH:mm",
        ["cs"] = "dd.MM.yyyy HH:mm",
        ["ru"] = "dd.MM.yyyy HH:mm",
        ["tr"] = "dd.MM.yyyy HH:mm",
        ["sv"] = "yyyy-MM-dd HH:mm",
        ["ja"] = "yyyy/MM/dd HH:mm",
        ["zh"] = "yyyy/MM/dd HH:mm",
        ["ko"] = "yyyy. MM. dd. HH:mm",
    };

    /// <summary>The pattern for <paramref name="locale"/> (<c>en-GB</c>, <c>nl_NL</c>, <c>de</c>): the full tag, else its language, else ISO.</summary>
    public static string PatternFor(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale))
        {
            return Iso;
        }

        var tag = locale.Trim().Replace('_', '-');
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return ByLocale.GetValueOrDefault(tag) ?? (dash > 0 ? ByLocale.GetValueOrDefault(tag[..dash]) : null) ?? Iso;
    }

    /// <summary><paramref name="local"/> (already in the contact's zone) as the locale writes it.</summary>
    public static string Format(DateTimeOffset local, string? locale) =>
        local.ToString(PatternFor(locale), CultureInfo.InvariantCulture);
}
