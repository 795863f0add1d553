namespace CampaignDsl.Runtime.Data.Mapping;

/// <summary>A row's value does not fit its use (a number column holding "abc"); the mapper reports the row as bad, with its line.</summary>
internal sealed class RowValueException : Exception
{
    public RowValueException(string message)
        : base(message)
    {
    }

    public RowValueException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RowValueException()
    {
    }
}
