using Campaignc.Tests.Infrastructure;

namespace Campaignc.Tests.Security;

/// <summary>
/// The paths of campaignc.yaml's <c>runtime:</c> (data files, the data store, the file sender's folder, the state store)
/// stay inside the project like every other path it names (issue 11, item 1, "data named in campaignc.yaml"): `..`,
/// an absolute path or a link out is CDSL0150 at validate time, and import, simulate and run refuse the configuration
/// without reading the file. The same files given on the command line are the user's choice and are read.
/// </summary>
public sealed class RuntimePathConfinementTests : IDisposable
{
    private const string Secret = "hunter2-never-shown";

    private readonly TempFolder _folder = new();

    public RuntimePathConfinementTests()
    {
        _folder.Write("outside/contacts.csv", $"id,email,timezone,subscribed,created_at\n{Secret},{Secret}@example.com,UTC,true,2025-01-01T00:00:00Z\n");
        _folder.Write("outside/events.csv", "contact_id,type,at,amount\n");
        _folder.Write("project/data/contacts.csv", "id,email,timezone,subscribed,created_at\nC1,a@example.com,UTC,true,2025-01-01T00:00:00Z\n");
        _folder.Write("project/templates/hello.hbs", "<p>Hi <a href=\"{{unsubscribe_url}}\">Unsubscribe</a></p>\n");
        _folder.Write("project/a.campaign", """
            campaign a "A" {
              type welcome
              from "Shop <shop@shop.example>"
              audience { where subscribed }
              stage one { send email "templates/hello.hbs" subject "Hi" }
            }
            """);
        Directory.CreateSymbolicLink(_folder.Combine("project", "out"), _folder.Combine("outside"));
        Directory.CreateSymbolicLink(_folder.Combine("project", "in"), _folder.Combine("project", "data"));
    }

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string, string, string> Paths => new()
    {
        { "data contacts, parent", "data: { kind: csv, contacts: PATH }", "../outside/contacts.csv" },
        { "data contacts, absolute", "data: { kind: csv, contacts: PATH }", "ABSOLUTE:contacts.csv" },
        { "data contacts, link out", "data: { kind: csv, contacts: PATH }", "out/contacts.csv" },
        { "data events, parent", "data: { kind: csv, contacts: data/contacts.csv, events: PATH }", "../outside/events.csv" },
        { "data events, deep parent", "data: { kind: csv, contacts: data/contacts.csv, events: PATH }", "../../../../../../../../etc/passwd" },
        { "sqlite store, absolute", "data: { kind: sqlite, path: PATH }", "ABSOLUTE:crm.db" },
        { "sqlite store, link out", "data: { kind: sqlite, path: PATH }", "out/crm.db" },
        { "outbox, parent", "sender: { kind: file, folder: PATH }", "../outside/outbox" },
        { "outbox, absolute", "sender: { kind: file, folder: PATH }", "ABSOLUTE:outbox" },
        { "state, parent", "state: { kind: sqlite, path: PATH }", "../outside/state.db" },
        { "state, link out", "state: { kind: sqlite, path: PATH }", "out/state.db" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_runtime_path_outside_the_project_is_CDSL0150_at_validate_time(string how, string block, string path)
    {
        Configure(block.Replace("PATH", Resolve(path), StringComparison.Ordinal));

        var run = await Cli.RunAsync("validate", _folder.Combine("project", "a.campaign"), "--format", "github");

        Assert.True(run.ExitCode == 1, $"{how}: {run}");
        Assert.Contains("CDSL0150", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("file=project/campaignc.yaml,line=3", run.Stdout.Replace(_folder.Path + "/", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("data/contacts.csv")]
    [InlineData("in/contacts.csv")]
    [InlineData("./data/../data/contacts.csv")]
    public async Task A_runtime_path_inside_the_project_even_through_a_link_that_stays_inside_is_fine(string path)
    {
        Configure($"data: {{ kind: csv, contacts: \"{path}\" }}\n  sender: {{ kind: file, folder: outbox }}\n  state: {{ kind: sqlite, path: .campaignc/state.db }}");

        var run = await Cli.RunAsync("validate", _folder.Combine("project", "a.campaign"));

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Fact]
    public async Task Import_simulate_and_run_refuse_a_configuration_whose_data_file_leaves_the_project()
    {
        Configure("data: { kind: csv, contacts: ../outside/contacts.csv, events: ../outside/events.csv }");
        var config = _folder.Combine("project", "campaignc.yaml");
        var campaign = _folder.Combine("project", "a.campaign");

        var import = await Cli.RunAsync("import", "--from", config, "--into", _folder.Combine("store.db"));
        var simulate = await Cli.RunAsync("simulate", campaign, "--data", config, "--start", "2026-01-05", "--days", "3");
        var run = await Cli.RunAsync("run", campaign, "--config", config, "--now", "2026-01-05T10:00:00Z", "--state", _folder.Combine("state.db"),
            "--outbox", _folder.Combine("outbox"));

        foreach (var (name, result) in new[] { ("import", import), ("simulate", simulate), ("run", run) })
        {
            Assert.True(result.ExitCode is 1 or 2, $"{name}: {result}");
            Assert.Contains("CDSL0150", result.Stdout + result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, result.Stdout + result.Stderr, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(_folder.Combine("store.db")) && new FileInfo(_folder.Combine("store.db")).Length > 0 && import.ExitCode == 0);
        Assert.False(Directory.Exists(_folder.Combine("outbox")) && Directory.EnumerateFiles(_folder.Combine("outbox")).Any());
    }

    [Fact]
    public async Task The_same_files_given_on_the_command_line_are_imported_through_the_projects_mapping()
    {
        Configure("data:\n    kind: csv\n    mapping:\n      contacts: { id: id, email: email }");
        var store = _folder.Combine("store.db");

        var import = await Cli.RunAsync("import", "--from", _folder.Combine("project", "campaignc.yaml"),
            "--contacts", _folder.Combine("outside", "contacts.csv"), "--events", _folder.Combine("outside", "events.csv"), "--into", store);

        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.Contains("holds 1 contacts and 0 events", import.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_through_a_mapping_that_names_no_file_asks_for_the_files()
    {
        Configure("data:\n    kind: csv\n    mapping:\n      contacts: { id: id }");

        var import = await Cli.RunAsync("import", "--from", _folder.Combine("project", "campaignc.yaml"), "--into", _folder.Combine("store.db"));

        Assert.True(import.ExitCode == 2, import.ToString());
        Assert.Contains("--contacts FILE", import.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contacts_on_the_command_line_beside_canonical_files_in_from_is_a_usage_error()
    {
        Configure("data: { kind: csv }");

        var import = await Cli.RunAsync("import", "--from", _folder.Combine("project", "data", "contacts.csv"),
            "--contacts", _folder.Combine("outside", "contacts.csv"), "--into", _folder.Combine("store.db"));

        Assert.True(import.ExitCode == 2, import.ToString());
        Assert.Contains("not both", import.Stderr, StringComparison.Ordinal);
    }

    private string Resolve(string path) =>
        path.StartsWith("ABSOLUTE:", StringComparison.Ordinal) ? _folder.Combine("outside", path["ABSOLUTE:".Length..]) : path;

    private void Configure(string block) => _folder.Write("project/campaignc.yaml", "version: 1\nruntime:\n  " + block + "\n");
}
