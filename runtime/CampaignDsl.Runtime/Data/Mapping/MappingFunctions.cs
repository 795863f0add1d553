using System.Collections.Frozen;

namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>
/// The functions a mapping expression may call, with how many arguments each takes. What each does
/// is in <see cref="RowEvaluator"/>; docs/runtime.md lists them.
/// </summary>
internal static class MappingFunctions
{
    public static FrozenDictionary<string, (int Min, int Max, string Usage)> All { get; } =
        new Dictionary<string, (int, int, string)>
        {
            ["column"] = (1, 1, "column(\"Order Date\"): the column whose header is not a plain name"),
            ["starts_with"] = (2, 2, "starts_with(InvoiceNo, \"C\")"),
            ["ends_with"] = (2, 2, "ends_with(email, \".nl\")"),
            ["contains"] = (2, 2, "contains(Description, \"MUG\")"),
            ["lower"] = (1, 1, "lower(Email)"),
            ["upper"] = (1, 1, "upper(Country)"),
            ["trim"] = (1, 1, "trim(Name)"),
            ["empty"] = (1, 1, "empty(CustomerID)"),
            ["number"] = (1, 1, "number(Total)"),
            ["text"] = (1, 1, "text(Quantity)"),
            ["abs"] = (1, 1, "abs(Quantity)"),
            ["round"] = (1, 2, "round(Price * 1.21, 2)"),
            ["if"] = (3, 3, "if(starts_with(InvoiceNo, \"C\"), \"refund\", \"purchase\")"),
            ["coalesce"] = (1, 8, "coalesce(Mobile, Phone)"),
            ["date"] = (1, 2, "date(Birthday, \"dd/MM/yyyy\")"),
            ["timestamp"] = (1, 2, "timestamp(Created, \"dd/MM/yyyy HH:mm\")"),
        }.ToFrozenDictionary(StringComparer.Ordinal);
}
