using System.Globalization;
using System.Text;

namespace CampaignDsl.DataBench;

/// <summary>Writes generated records as canonical <c>contacts.csv</c> and <c>events.csv</c> (what <c>campaignc import</c> reads).</summary>
internal sealed class CsvDataSink : IGeneratedDataSink, IDisposable
{
    private readonly StreamWriter _contacts;
    private readonly StreamWriter _events;
    private readonly StringBuilder _line = new(160);

    public CsvDataSink(string folder)
    {
        _contacts = Writer(Path.Combine(folder, "contacts.csv"));
        _events = Writer(Path.Combine(folder, "events.csv"));
        _contacts.Write("id,email,first_name,last_name,timezone,locale,subscribed,created_at,country,vip,lifetime_value\n");
        _events.Write("contact_id,type,at,amount,campaign,order_id,category\n");
    }

    public void Event(GeneratedEvent e)
    {
        _line.Clear().Append(e.ContactId).Append(',').Append(e.Type).Append(',').Append(Time(e.At)).Append(',')
            .Append(e.Amount?.ToString(CultureInfo.InvariantCulture)).Append(',').Append(e.Campaign).Append(',')
            .Append(e.OrderId).Append(',').Append(e.Category).Append('\n');
        _events.Write(_line);
    }

    public void Contact(GeneratedContact c)
    {
        _line.Clear().Append(c.Id).Append(',').Append(c.Email).Append(',').Append(c.FirstName).Append(',').Append(c.LastName).Append(',')
            .Append(c.TimeZone).Append(',').Append(c.Locale).Append(',').Append(c.Subscribed ? "true" : "false").Append(',')
            .Append(Time(c.CreatedAt)).Append(',').Append(c.Country).Append(',').Append(c.Vip ? "true" : "false").Append(',')
            .Append(c.LifetimeValue.ToString(CultureInfo.InvariantCulture)).Append('\n');
        _contacts.Write(_line);
    }

    public void Dispose()
    {
        _contacts.Dispose();
        _events.Dispose();
    }

    internal static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static StreamWriter Writer(string path) => new(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
}
