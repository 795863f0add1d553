namespace CampaignDsl.Compiler.Diagnostics;

/// <summary>Diagnostics of the language's literals and constructs added with imports, incentives and policies (CDSL0041-CDSL0059).</summary>
public static partial class DiagnosticCatalog
{
    public static readonly DiagnosticDescriptor InvalidDateOrTime = Error("CDSL0041", "No such date or time",
        "Dates are written `2026-12-31` (year-month-day) and times of day `09:30` (24-hour clock); the value must exist on the calendar and the clock.");

    public static readonly DiagnosticDescriptor UnknownCurrency = Error("CDSL0042", "Unknown currency",
        "Money is written with an ISO 4217 currency code (`EUR 10`, `USD 9.95`) or the symbols €, $ and £.");

    public static Diagnostic NoSuchDate(SourceLocation at, string text) =>
        InvalidDateOrTime.Create(at, $"`{text}` is not a date on the calendar; write year-month-day, such as 2026-12-31");

    public static Diagnostic NoSuchTime(SourceLocation at, string text) =>
        InvalidDateOrTime.Create(at, $"`{text}` is not a time of day; write hours 00-23 and minutes 00-59, such as 09:30");

    public static Diagnostic CurrencyNotFound(SourceLocation at, string code, string? suggestion) =>
        UnknownCurrency.Create(at, $"`{code}` is not an ISO 4217 currency code{DidYouMean(suggestion)}");
}
