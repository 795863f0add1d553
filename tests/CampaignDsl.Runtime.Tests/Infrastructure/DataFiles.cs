using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Csv;
using CampaignDsl.Runtime.Data.Mapping;

namespace CampaignDsl.Runtime.Tests.Infrastructure;

/// <summary>Reads a CSV file through a mapping written as dotted keys, collecting every outcome.</summary>
internal static class DataFiles
{
    public static DataMapping Mapping(params (string Key, string Text)[] entries)
    {
        var problems = new List<DataProblem>();
        var mapping = DataMapping.Read(entries.Select((e, i) => new MappingEntry(e.Key, e.Text, new MappingOrigin("campaignc.yaml", i + 1, 10))), problems);
        Assert.Empty(problems);
        return mapping;
    }

    public static async Task<(List<RowOutcome<ContactEvent>> Outcomes, List<DataProblem> Malformed)> ReadEventsAsync(string path, DataMapping mapping)
    {
        var malformed = new List<DataProblem>();
        await using var reader = await CsvRecordReader.OpenAsync(path, Path.GetFileName(path), RecordKind.Events, mapping, DataSchema.Default, malformed.Add);
        var outcomes = new List<RowOutcome<ContactEvent>>();
        await foreach (var outcome in reader.ReadEventsAsync())
        {
            outcomes.Add(outcome);
        }

        return (outcomes, malformed);
    }

    public static async Task<(List<RowOutcome<Contact>> Outcomes, List<DataProblem> Malformed)> ReadContactsAsync(string path, DataMapping mapping)
    {
        var malformed = new List<DataProblem>();
        await using var reader = await CsvRecordReader.OpenAsync(path, Path.GetFileName(path), RecordKind.Contacts, mapping, DataSchema.Default, malformed.Add);
        var outcomes = new List<RowOutcome<Contact>>();
        await foreach (var outcome in reader.ReadContactsAsync())
        {
            outcomes.Add(outcome);
        }

        return (outcomes, malformed);
    }
}
