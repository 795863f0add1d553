namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>One row of a file as a mapping sees it: its fields by column.</summary>
public interface IRow
{
    /// <summary>The column with this exact header, or null.</summary>
    int? ColumnOf(string name);

    /// <summary>The field in a column, "" when empty or missing.</summary>
    string Field(int column);
}
