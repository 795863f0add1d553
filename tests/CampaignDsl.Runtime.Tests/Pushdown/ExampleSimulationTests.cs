using System.Globalization;
using Campaignc.Commands;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Data.Csv;
using CampaignDsl.Runtime.Data.Mapping;
using CampaignDsl.Runtime.Scheduling;
using CampaignDsl.Runtime.Simulation;
using CampaignDsl.Runtime.Tests.Infrastructure;

namespace CampaignDsl.Runtime.Tests.Pushdown;

/// <summary>Every example campaign simulates against the example data (as the README's simulate command runs it) without errors.</summary>
public sealed class ExampleSimulationTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static string Contacts => RepositoryPaths.InRepo("examples", "data", "contacts.csv");
    private static string Events => RepositoryPaths.InRepo("examples", "data", "events.csv");

    private static string Nurture => RepositoryPaths.InRepo("examples", "nurture", "nurture_returners.campaign");

    /// <summary>The files that hold campaigns (the shared library holds only segments and incentives).</summary>
    public static TheoryData<string> CampaignFiles() =>
        [.. ExampleProject.CampaignFiles.Where(f => !f.EndsWith("library.campaign", StringComparison.Ordinal)).Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))];

    [Theory]
    [MemberData(nameof(CampaignFiles))]
    public async Task Each_example_simulates_without_errors(string file)
    {
        // A campaign that hands off (`then enroll nurture_returners`) is simulated with its target, as the compiler requires.
        string[] files = file.EndsWith("nurture_returners.campaign", StringComparison.Ordinal) ? [RepositoryPaths.InRepo(file)] : [RepositoryPaths.InRepo(file), Nurture];
        using var stdout = new StringWriter(CultureInfo.InvariantCulture);
        using var stderr = new StringWriter(CultureInfo.InvariantCulture);
        var code = await SimulateCommand.RunAsync(
            new SimulateCommand.SimulateRequest(files, [Contacts, Events], "2026-01-05", 60, null, 0, ExampleProject.ConfigPath), stdout, stderr);
        Assert.True(code == 0, stderr.ToString());
        Assert.Equal("", stderr.ToString());
        Assert.Contains("300", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_examples_together_enter_the_contacts_the_example_data_holds_for_them()
    {
        var plans = ExampleProject.Plans();
        var problems = new DataProblemLog();
        await using var source = new CsvContactSource(Contacts, Events, DataMapping.None, DataSchema.From(ExampleProject.Configuration()), problems);
        var summary = await CampaignSimulator.RunAsync(plans, source, SimulationPeriod.FromDays(Start, 60), _ => { });
        Assert.Equal(0, problems.Count);
        Assert.Equal(300, summary.Contacts);
        var entered = plans.ToDictionary(p => p.Campaign.Name, p => summary.Entered(p.Campaign.Name));

        // The snapshot and date campaigns have an audience in the example data. The data ends on 2026-01-01, before
        // the start, so the campaigns that enter on an event (an order, a complaint, a cancellation, a sign-up) enter
        // nobody, and it has no birthday column; nurture is entered only by hand-off, from a contact who responded.
        Assert.All(new[] { "we_miss_you", "stone_style_winback", "membership_anniversary" }, c => Assert.True(entered[c] > 0, $"{c}: {string.Join(", ", entered)}"));
        Assert.True(entered["we_miss_you"] > entered["stone_style_winback"]);
    }
}
