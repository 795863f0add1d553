using System.Text;
using CampaignDsl.Compiler;
using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Compiler.Configuration;
using CampaignDsl.Compiler.Emit;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Scheduling;

namespace CampaignDsl.Runtime.Tests.Scheduling;

/// <summary>Campaigns written in the language, compiled in-process: the tests read like the campaigns they check.</summary>
internal static class Plans
{
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The attribute types the tests use, as a project's campaignc.yaml would declare them.</summary>
    private static readonly CompilationOptions Options = new CompilationOptions().WithConfiguration(
        new ConfigurationLoader(LintRules.Registry).Load("campaignc.yaml", Encoding.UTF8.GetBytes("""
            version: 1
            contacts:
              attributes:
                vip: bool
                style: text
                lifetime_value: money
                birthday: date
            """), "campaignc.yaml").Configuration);

    /// <summary>An email body that passes the compiler's checks (it has the unsubscribe link); write <c>BODY</c> in a test campaign.</summary>
    private const string Body = "body \"Hi <a href='{{unsubscribe_url}}'>Unsubscribe</a>\"";

    public static IReadOnlyList<CampaignPlan> CompileAll(string source)
    {
        source = source.Replace("BODY", Body, StringComparison.Ordinal);
        var compilation = CampaignCompilation.Compile([("test.campaign", Encoding.UTF8.GetBytes(source))], Options);
        var errors = compilation.Diagnostics.Where(d => d.IsError).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var emitted = PlanEmitter.Emit(compilation, Options);
        Assert.True(emitted.Succeeded, string.Join("\n", emitted.Diagnostics));
        return [.. emitted.Plans.Select(p => p.Plan)];
    }

    public static CampaignPlan Compile(string source) => CompileAll(source).Single();

    /// <summary>Runs one contact through the campaigns for <paramref name="days"/> days from <see cref="Start"/>.</summary>
    public static IReadOnlyList<TimelineEntry> Run(IReadOnlyList<CampaignPlan> plans, Contact contact, IEnumerable<ContactEvent>? events = null, int days = 60) =>
        new ContactScheduler([.. plans.Select(p => new ScheduledCampaign(p))], SimulationPeriod.FromDays(Start, days))
            .Run(new ContactHistory(contact, events ?? []))
            .OrderBy(e => e.AtUtc)
            .ToList();

    public static IReadOnlyList<TimelineEntry> Run(CampaignPlan plan, Contact contact, IEnumerable<ContactEvent>? events = null, int days = 60) =>
        Run([plan], contact, events, days);

    public static Contact Subscriber(string id = "c1", string zone = "Europe/Amsterdam") => new(id, Email: id + "@x.example", FirstName: "Ann", TimeZone: zone, Subscribed: true);

    public static ContactEvent Event(string contact, string type, string at, decimal? amount = null) =>
        new(contact, type, DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), amount);
}
