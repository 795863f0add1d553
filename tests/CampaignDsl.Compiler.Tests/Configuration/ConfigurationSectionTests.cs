using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Semantics;
using static CampaignDsl.Compiler.Tests.Configuration.ConfigurationFiles;

namespace CampaignDsl.Compiler.Tests.Configuration;

/// <summary>The sections of campaignc.yaml: what each reads, and each mistake's code and place.</summary>
public sealed class ConfigurationSectionTests
{
    [Fact]
    public void Version_may_be_left_out()
    {
        var loaded = Load("defaults:\n  owner: a@b.c\n");

        AssertClean(loaded);
        Assert.Equal(1, loaded.Configuration.Version);
    }

    [Theory]
    [InlineData("version: 2\n", "2")]
    [InlineData("version: 1.0\n", "1.0")]
    [InlineData("version: one\n", "one")]
    public void Another_version_is_CDSL0073(string yaml, string spanned)
    {
        AssertOnly(Load(yaml), "CDSL0073", 1, spanned);
    }

    [Fact]
    public void A_version_that_is_a_list_is_CDSL0073_on_the_key()
    {
        AssertOnly(Load("version: [1]\n"), "CDSL0073", 1, "version");
    }

    [Fact]
    public void An_unknown_section_is_CDSL0074_with_the_nearest_name()
    {
        var diagnostic = AssertOnly(Load("version: 1\ntemplats:\n  folders: [x]\n"), "CDSL0074", 2, "templats");

        Assert.Contains("`templates`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_of_another_section_is_CDSL0074_pointing_at_its_section()
    {
        var diagnostic = AssertOnly(Load("timezone: Europe/Amsterdam\n"), "CDSL0074", 1, "timezone");

        Assert.Contains("`defaults:`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_inside_a_section_is_CDSL0074()
    {
        AssertOnly(Load("defaults:\n  owner: a@b.c\n  time_zone: UTC\n"), "CDSL0074", 3, "time_zone");
    }

    [Fact]
    public void Defaults_are_read()
    {
        var defaults = Load("""
            defaults:
              timezone: America/New_York
              send_window: 09:00-20:00
              quiet_hours: "21:30 - 8:00"
              from: "Anna from Shop <anna@shop.example>"
              reply_to: service@shop.example
              owner: crm@shop.example
            """).Configuration.Defaults;

        Assert.Equal("America/New_York", defaults.TimeZone);
        Assert.Equal(new DailyWindow(new TimeOnly(9, 0), new TimeOnly(20, 0)), defaults.SendWindow);
        Assert.Equal(new DailyWindow(new TimeOnly(21, 30), new TimeOnly(8, 0)), defaults.QuietHours);
        Assert.True(defaults.QuietHours!.Value.CrossesMidnight);
        Assert.True(defaults.QuietHours.Value.Contains(new TimeOnly(23, 0)));
        Assert.False(defaults.QuietHours.Value.Contains(new TimeOnly(12, 0)));
        Assert.Equal("Anna from Shop <anna@shop.example>", defaults.From);
        Assert.Equal("service@shop.example", defaults.ReplyTo);
        Assert.Equal("crm@shop.example", defaults.Owner);
    }

    [Fact]
    public void An_unknown_time_zone_is_CDSL0077_with_the_nearest_zone()
    {
        var loaded = Load("defaults:\n  timezone: Europe/Amsterdm\n");

        var diagnostic = AssertOnly(loaded, "CDSL0077", 2, "Europe/Amsterdm");
        Assert.Contains("`Europe/Amsterdam`", diagnostic.Message, StringComparison.Ordinal);
        Assert.Null(loaded.Configuration.Defaults.TimeZone);
    }

    [Theory]
    [InlineData("send_window: 9-20", "9-20")]
    [InlineData("send_window: 09:00-24:00", "09:00-24:00")]
    [InlineData("quiet_hours: 10:00-10:00", "10:00-10:00")]
    [InlineData("from: The Shop", "The Shop")]
    [InlineData("reply_to: \"Shop <nobody>\"", "\"Shop <nobody>\"")]
    public void Malformed_default_values_are_CDSL0077(string line, string spanned)
    {
        AssertOnly(Load($"defaults:\n  {line}\n"), "CDSL0077", 2, spanned);
    }

    [Theory]
    [InlineData("defaults: UTC\n", 1, "UTC")]
    [InlineData("defaults:\n  owner: [a, b]\n", 2, "owner")]
    [InlineData("defaults:\n  timezone:\n", 2, "")]
    [InlineData("templates:\n  folders: templates\n", 2, "templates")]
    [InlineData("templates:\n  folders: [ok, [nested]]\n", 2, "[")]
    public void A_value_of_the_wrong_kind_is_CDSL0076(string yaml, int line, string spanned)
    {
        AssertOnly(Load(yaml), "CDSL0076", line, spanned);
    }

    [Fact]
    public void Template_folders_are_resolved_against_the_file_in_order()
    {
        var templates = Load("templates:\n  folders: [templates, shared/templates, templates]\n").Configuration.Templates;

        Assert.Equal(
            [System.IO.Path.Combine(Folder, "templates"), System.IO.Path.Combine(Folder, "shared", "templates")],
            templates.Folders.ToArray());
    }

    [Fact]
    public void Custom_attributes_are_read_with_their_types()
    {
        var attributes = Load("""
            contacts:
              attributes:
                style: text
                vip: yes/no
                loyal: bool
                lifetime_value: money
                orders: number
                discount: percent
                member_since: date
                usual_gap: duration
                best_hour: time
                country: text
            """).Configuration.Contacts.Attributes;

        Assert.Equal(DataType.Text, attributes["style"]);
        Assert.Equal(DataType.Bool, attributes["vip"]);
        Assert.Equal(DataType.Bool, attributes["loyal"]);
        Assert.Equal(DataType.Money, attributes["lifetime_value"]);
        Assert.Equal(DataType.Number, attributes["orders"]);
        Assert.Equal(DataType.Percent, attributes["discount"]);
        Assert.Equal(DataType.Date, attributes["member_since"]);
        Assert.Equal(DataType.Duration, attributes["usual_gap"]);
        Assert.Equal(DataType.Time, attributes["best_hour"]);
        Assert.False(attributes.ContainsKey("country")); // built in already, with the same type
    }

    [Theory]
    [InlineData("style: textt", "textt")]
    [InlineData("where: text", "where")]
    [InlineData("first-name: text", "first-name")]
    [InlineData("true: bool", "true")]
    [InlineData("email: number", "email")]
    [InlineData("purchase: number", "purchase")]
    public void A_bad_attribute_is_CDSL0077(string line, string spanned)
    {
        var loaded = Load($"contacts:\n  attributes:\n    {line}\n");

        AssertOnly(loaded, "CDSL0077", 3, spanned);
        Assert.Empty(loaded.Configuration.Contacts.Attributes);
    }

    [Fact]
    public void A_keyword_that_the_language_accepts_as_a_name_is_a_usable_attribute()
    {
        var loaded = Load("contacts:\n  attributes:\n    goal: text\n");

        AssertClean(loaded);
        Assert.True(loaded.Configuration.Contacts.Attributes.ContainsKey("goal"));
    }

    [Fact]
    public void Custom_events_and_extra_fields_of_built_in_events_are_read()
    {
        var types = Load("""
            events:
              style.click:
                fields: { style: text }
              quiz_completed:
              purchase:
                fields:
                  coupon: text
                  amount: number
            """).Configuration.Events.Types;

        Assert.Equal(DataType.Text, types["style.click"]["style"]);
        Assert.Empty(types["quiz_completed"]);
        Assert.Equal(["coupon"], types["purchase"].Keys);
    }

    [Theory]
    [InlineData("style..click: {}", 2, "style..click")]
    [InlineData("subscribed: {}", 2, "subscribed")]
    [InlineData("purchase:\n    fields: { amount: text }", 3, "amount")]
    [InlineData("style.click:\n    fields: { style: colour }", 3, "colour")]
    public void A_bad_event_is_CDSL0077(string yaml, int line, string spanned)
    {
        AssertOnly(Load($"events:\n  {yaml}\n"), "CDSL0077", line, spanned);
    }

    [Fact]
    public void An_event_type_named_like_a_custom_attribute_is_CDSL0077()
    {
        AssertOnly(Load("contacts:\n  attributes:\n    style: text\nevents:\n  style: {}\n"), "CDSL0077", 5, "style");
    }

    [Fact]
    public void An_unknown_key_of_an_event_is_CDSL0074()
    {
        var diagnostic = AssertOnly(Load("events:\n  style.click:\n    feilds: { style: text }\n"), "CDSL0074", 3, "feilds");

        Assert.Contains("`fields`", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_blocks_are_read_with_paths_resolved()
    {
        var runtime = Load("""
            runtime:
              data:
                kind: csv
                contacts: data/contacts.csv
                events: data/events.csv
                mapping:
                  contacts: { id: customer_id, email: mail }
                  date_format: dd-MM-yyyy
              sender: { kind: smtp, host: smtp.shop.example, port: 587, from: "Shop <news@shop.example>" }
              state: { kind: postgres, connection: "Host=db;Database=campaigns" }
            """).Configuration.Runtime;

        Assert.Equal("csv", runtime.Data!.Kind);
        Assert.Equal(System.IO.Path.Combine(Folder, "data", "contacts.csv"), runtime.Data.Get("contacts"));
        Assert.Equal("customer_id", runtime.Data.Mapping["contacts.id"]);
        Assert.Equal("mail", runtime.Data.Mapping["contacts.email"]);
        Assert.Equal("dd-MM-yyyy", runtime.Data.Mapping["date_format"]);
        Assert.Equal("smtp", runtime.Sender!.Kind);
        Assert.Equal(587, runtime.Sender.GetNumber("port"));
        Assert.Equal("Host=db;Database=campaigns", runtime.State!.Get("connection"));
    }

    [Theory]
    [InlineData("data: { kind: sqlite }", "data")]
    [InlineData("state: { path: state.db }", "state")]
    [InlineData("sender:\n    kind: smtp\n    port: 25", "sender")]
    [InlineData("state:", "state")]
    public void A_missing_required_runtime_key_is_CDSL0078_on_the_block(string yaml, string spanned)
    {
        var loaded = Load($"runtime:\n  {yaml}\n");

        AssertOnly(loaded, "CDSL0078", 2, spanned);
        Assert.Equal(Compiler.Configuration.Runtime.RuntimeSettings.None, loaded.Configuration.Runtime);
    }

    [Theory]
    [InlineData("sender: { kind: smpt }", "smpt")]
    [InlineData("sender: { kind: smtp, host: h, port: 70000 }", "70000")]
    [InlineData("sender: { kind: webhook, url: ftp://x }", "ftp://x")]
    [InlineData("sender: { kind: smtp, host: h, from: nobody }", "nobody")]
    public void An_invalid_runtime_value_is_CDSL0077(string yaml, string spanned)
    {
        AssertOnly(Load($"runtime:\n  {yaml}\n"), "CDSL0077", 2, spanned);
    }

    [Fact]
    public void A_key_another_kind_takes_is_CDSL0074()
    {
        AssertOnly(Load("runtime:\n  state: { kind: sqlite, path: s.db, connection: x }\n"), "CDSL0074", 2, "connection");
    }

    [Fact]
    public void A_section_in_error_does_not_cost_the_others()
    {
        var loaded = Load("""
            defaults:
              timezone: Mars/Olympus
              owner: crm@shop.example
            contacts:
              attributes:
                style: text
            """);

        Assert.Equal("CDSL0077", Single(loaded).Code);
        Assert.Equal("crm@shop.example", loaded.Configuration.Defaults.Owner);
        Assert.True(loaded.Configuration.Contacts.Attributes.ContainsKey("style"));
    }
}
