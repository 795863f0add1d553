using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;
using CampaignDsl.Compiler.Templates;
using CampaignDsl.Plan;

namespace CampaignDsl.Compiler.Emit;

/// <summary>
/// One send: its template located and fingerprinted (path relative to the base folder, SHA-256 of the
/// bytes, so the runtime can tell when the file changed after compiling), its subject variants with
/// weights that sum to 100, its sender after the campaign's default, and the incentive it carries.
/// </summary>
internal static class SendEmitter
{
    /// <summary>The engine of every template but Scriban ones (<see cref="ScribanTemplates"/>).</summary>
    public const string Handlebars = "handlebars";

    private static readonly string[] EmailChannels = ["email"];

    public static PlanSend Emit(EmitContext context, SendAction send, string id)
    {
        id = context.Id(id, send);
        var channel = send.Channel.Name;
        var subjects = Subjects(context, [.. send.Subjects], id);
        var from = send.Options.OfType<SenderOverride>().FirstOrDefault()?.Address.Value
            ?? (EmailChannels.Contains(channel) ? CampaignFrom(context) : null);
        var incentive = send.Incentives.FirstOrDefault()?.Incentive.Name;
        if (incentive is not null)
        {
            context.UseIncentive(incentive);
        }

        return new PlanSend(
            id,
            channel,
            send.Template is { Value.Length: > 0 } template ? Template(context, template) : null,
            send.Body?.Text.Value,
            subjects,
            send.Preheader?.Text.Value,
            from,
            incentive);
    }

    /// <summary>
    /// Weights as written (the checks make them sum to 100), or, when none is written, equal shares in
    /// hundredths with the remainder on the first subjects: three subjects get 33.34, 33.33 and 33.33.
    /// </summary>
    private static ImmutableArray<PlanSubject> Subjects(EmitContext context, List<SubjectLine> subjects, string sendId)
    {
        var weighted = subjects.All(s => s.Weight is not null);
        var hundredths = subjects.Count == 0 ? 0 : 10_000 / subjects.Count;
        var remainder = subjects.Count == 0 ? 0 : 10_000 % subjects.Count;
        return [.. subjects.Select((subject, i) => new PlanSubject(
            context.Id(string.Create(CultureInfo.InvariantCulture, $"{sendId}.subject.{i}"), subject),
            subject.Text.Value,
            weighted ? subject.Weight!.Value : (hundredths + (i < remainder ? 1 : 0)) / 100m))];
    }

    private static string? CampaignFrom(EmitContext context) =>
        context.Scope.Campaign.Settings.FirstOrDefault(s => s.Key.Name == "from")?.Value is StringLiteral from
            ? from.Value
            : context.Options.Configuration.Defaults.From;

    private static PlanTemplate? Template(EmitContext context, StringLiteral template)
    {
        var at = new SourceLocation(context.Source, template.Span);
        switch (context.Templates.Find(context.Source.Path, template.Value))
        {
            case TemplateLookup.Found found:
                var path = PlanPaths.Relative(PlanPaths.BaseFolderOf(context.Source.Path), found.Path);
                return new PlanTemplate(path, ScribanTemplates.EngineFor(found.Path) ?? Handlebars, Convert.ToHexStringLower(SHA256.HashData(found.Content)));
            case TemplateLookup.Missing missing:
                context.Diagnostics.Add(DiagnosticCatalog.TemplateFileMissing(at, template.Value, missing.Path, null));
                return null;
            case TemplateLookup.Failed failed:
                context.Diagnostics.Add(DiagnosticCatalog.TemplateNotReadable(at, failed.Path, failed.Reason));
                return null;
            case TemplateLookup.Outside outside:
                context.Diagnostics.Add(DiagnosticCatalog.PathOutsideProject(at, "template", outside.Reason));
                return null;
            default:
                throw new InvalidOperationException("unknown template lookup result");
        }
    }
}
