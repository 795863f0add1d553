using System.Collections.Immutable;
using System.CommandLine;
using System.Globalization;
using System.Text;
using Campaignc.Input;
using Campaignc.Output;
using CampaignDsl.Compiler.Analyzers;
using CampaignDsl.Compiler.Emit;
using CampaignDsl.Compiler.Semantics;
using CampaignDsl.Compiler.Templates;
using CampaignDsl.Plan;
using CampaignDsl.Runtime.Data;
using CampaignDsl.Runtime.Templates;

namespace Campaignc.Commands;

/// <summary>
/// <c>campaignc preview FILE --stage S --contact ID [--data SOURCE] [--at TIME]</c>: compiles the campaign
/// in-process, reads the contact from the data source (campaignc.yaml's <c>runtime.data</c>, or
/// <c>--data</c>), and prints every message the stage would send that contact, rendered: subject
/// variants, preheader and body. Nothing is sent. Exit 0 when everything rendered, 1 when the campaign
/// has errors or a message cannot render, 2 for a usage error (an unknown stage or contact included).
/// </summary>
public static class PreviewCommand
{
    public const string CodeSecretVariable = IncentiveCodes.SecretVariable;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("file") { Description = "The .campaign file." };
        var stage = new Option<string>("--stage") { Description = "The stage whose messages to render.", Required = true };
        var contact = new Option<string>("--contact") { Description = "The id of the contact to render them for.", Required = true };
        var campaign = new Option<string?>("--campaign") { Description = "The campaign, when the file holds more than one." };
        var data = new Option<string?>("--data")
        {
            Description = "Where the contact is: a campaignc.yaml (its runtime.data), a SQLite store (.db) or a canonical contacts CSV. Default: the nearest campaignc.yaml's runtime.data.",
        };
        var at = new Option<string?>("--at") { Description = "When the message goes out (ISO 8601, such as 2026-03-01T09:00:00Z); expiries count from it. Default: now." };
        var links = new Option<string>("--links-base")
        {
            Description = "The base of the unsubscribe, preferences and view-in-browser links.",
            DefaultValueFactory = _ => MessageLinks.DefaultBaseUrl,
        };
        var config = new Option<string?>("--config") { Description = "The campaignc.yaml to use. Default: the nearest one at or above the file." };
        var command = new Command("preview", "Render the messages one stage of a campaign would send one contact (subject, preheader, body), without sending anything.")
        {
            file, stage, contact, campaign, data, at, links, config,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            new PreviewRequest(result.GetValue(file)!, result.GetValue(stage)!, result.GetValue(contact)!, result.GetValue(campaign), result.GetValue(data),
                result.GetValue(at), result.GetValue(links)!, result.GetValue(config)),
            stdout, stderr, cancellationToken));
        return command;
    }

    public sealed record PreviewRequest(
        string File, string Stage, string Contact, string? Campaign, string? Data, string? At, string LinksBase, string? ConfigPath);

    public static async Task<int> RunAsync(PreviewRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var cwd = Directory.GetCurrentDirectory();
        if (MessageLinks.Check(request.LinksBase) is { } linkProblem)
        {
            return Usage(stderr, $"--links-base: {linkProblem}");
        }

        var sendTime = DateTimeOffset.UtcNow;
        if (request.At is not null && !DateTimeOffset.TryParse(request.At, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out sendTime))
        {
            return Usage(stderr, $"--at '{request.At}' is not a date and time; write it as ISO 8601, such as 2026-03-01T09:00:00Z");
        }

        if (!request.File.EndsWith(".campaign", StringComparison.OrdinalIgnoreCase) || !File.Exists(Path.GetFullPath(request.File, cwd)))
        {
            return Usage(stderr, $"'{request.File}' is not a .campaign file that exists");
        }

        var config = ConfigurationInput.Load(request.ConfigPath, [request.File], cwd, LintRules.Registry);
        if (config.Problem is not null)
        {
            return Usage(stderr, config.Problem);
        }

        // The plugin scripts run first, as for simulate and run: their functions serve the campaign's conditions
        // and the template's helpers, their data sources the contact lookup.
        var configuration = config.Loaded.Configuration;
        if (PluginInput.Start(configuration, cwd, stderr, out var plugins) is not { } pluginKinds)
        {
            return ExitCodes.CampaignErrors;
        }

        // The campaign is compiled with the rest of its project (Input/ProjectCompilation), so that hand-offs to
        // other campaigns (`then enroll ...`) resolve as in every other command.
        var project = ProjectCompilation.Compile([request.File], configuration, plugins.Functions, cwd, out var unreadableFile);
        if (project is null)
        {
            return Usage(stderr, unreadableFile!);
        }

        var templates = new FileSystemTemplateSource(configuration.Templates.Folders, CampaignDsl.Compiler.Files.ProjectRoot.For(configuration.FilePath));
        var report = ValidationReport.Create(project.GivenCount, [.. config.Loaded.Diagnostics, .. project.Diagnostics], warningsAsErrors: false);
        var emitted = report.ErrorCount > 0 ? null : project.Emit();
        if (emitted is not { Succeeded: true })
        {
            var all = emitted is null ? report : ValidationReport.Create(project.GivenCount, [.. report.Diagnostics, .. emitted.Diagnostics], warningsAsErrors: false);
            new TextDiagnosticWriter(color: false).Write(all, stderr);
            return ExitCodes.CampaignErrors;
        }

        var plans = emitted.Plans.Where(project.IsGiven).ToImmutableArray();
        EmittedPlan? chosen;
        if (request.Campaign is { } name)
        {
            chosen = plans.FirstOrDefault(p => p.CampaignName == name);
            if (chosen is null)
            {
                return Usage(stderr, $"campaign '{name}' is not in '{request.File}'{DidYouMean(name, plans.Select(p => p.CampaignName))}");
            }
        }
        else if (plans.Length == 0)
        {
            return Usage(stderr, $"'{request.File}' holds no campaign");
        }
        else
        {
            // With several campaigns in the file, the one that has the stage.
            var having = plans.Where(p => p.Plan.Stages.Any(s => s.Name == request.Stage)).ToList();
            if (plans.Length > 1 && having.Count != 1)
            {
                var stages = plans.SelectMany(p => p.Plan.Stages.Select(s => s.Name)).Distinct(StringComparer.Ordinal).ToList();
                return Usage(stderr, having.Count == 0
                    ? $"stage '{request.Stage}' is in none of the campaigns of '{request.File}' (their stages are {string.Join(", ", stages)}){DidYouMean(request.Stage, stages)}"
                    : $"stage '{request.Stage}' is in several campaigns of '{request.File}' ({string.Join(", ", having.Select(p => p.CampaignName))}); choose one with --campaign");
            }

            chosen = plans.Length == 1 ? plans[0] : having[0];
        }

        var plan = chosen.Plan;
        var stage = plan.Stages.FirstOrDefault(s => s.Name == request.Stage);
        if (stage is null)
        {
            return Usage(stderr, $"stage '{request.Stage}' is not in campaign {plan.Campaign.Name} (its stages are {string.Join(", ", plan.Stages.Select(s => s.Name))}){DidYouMean(request.Stage, plan.Stages.Select(s => s.Name))}");
        }

        var problems = new DataProblemLog();
        Contact? contact;
        string? suggestion;
        try
        {
            await using var source = await DataSourceInput.OpenAsync(request.Data is null ? [] : [request.Data], config, cwd, problems, stderr, pluginKinds, cancellationToken).ConfigureAwait(false);
            if (source is null)
            {
                return ExitCodes.UsageError;
            }

            (contact, suggestion) = await FindContactAsync(source, request.Contact, cancellationToken).ConfigureAwait(false);
        }
        catch (DataSourceException e)
        {
            foreach (var problem in e.Problems)
            {
                await stderr.WriteLineAsync(problem.ToString()).ConfigureAwait(false);
            }

            return Usage(stderr, e.Message);
        }

        if (contact is null)
        {
            return Usage(stderr, $"contact '{request.Contact}' is not in the data{(suggestion is null ? "" : $"; did you mean '{suggestion}'?")}");
        }

        var secret = IncentiveCodes.SecretFor(plan.Campaign.Name);
        var renderer = MessageRenderer.CreateDefault();
        await stdout.WriteLineAsync(TerminalText.Printable(
            $"campaign {plan.Campaign.Name}, stage {stage.Name}, contact {Describe(contact)}, sent {sendTime.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}")).ConfigureAwait(false);
        var failed = false;
        foreach (var (label, send) in SendRendering.Sends(stage.Actions))
        {
            _ = SendRendering.TemplateText(templates, chosen.CampaignPath, send, out var unreadable);
            if (unreadable is not null)
            {
                await stderr.WriteLineAsync($"campaignc: error: {unreadable}").ConfigureAwait(false);
                failed = true;
                continue;
            }

            var message = SendRendering.Render(renderer, templates, chosen.CampaignPath, new MessageContext(plan, stage, send, contact, sendTime, new MessageLinks(request.LinksBase), secret));
            // Contact data reaches the terminal here: its control characters are shown, never acted on.
            await stdout.WriteLineAsync(TerminalText.Printable(Format(label, send, message))).ConfigureAwait(false);
            foreach (var problem in message.Problems)
            {
                await stderr.WriteLineAsync(TerminalText.Printable($"campaignc: error: {send.Id}: {problem}")).ConfigureAwait(false);
                failed = true;
            }
        }

        return failed ? ExitCodes.CampaignErrors : ExitCodes.Success;
    }

    private static string Format(string? label, PlanSend send, RenderedMessage message)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"--- {send.Id} ({send.Channel}{(send.Template is null ? "" : ", " + send.Template.Path)}{(label is null ? "" : ", " + label)})\n");
        var variants = message.Subjects.Length > 1;
        foreach (var subject in message.Subjects)
        {
            text.Append(variants ? string.Create(CultureInfo.InvariantCulture, $"Subject ({subject.Weight}%): {subject.Text}\n") : $"Subject: {subject.Text}\n");
        }

        if (message.Preheader is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Preheader: {message.Preheader}\n");
        }

        if (message.Body is not null)
        {
            text.Append('\n').Append(message.Body.TrimEnd('\n')).Append('\n');
        }

        if (message.TextBody is not null)
        {
            text.Append("\n--- text/plain part\n").Append(message.TextBody.TrimEnd('\n')).Append('\n');
        }

        return text.ToString();
    }

    private static string Describe(Contact contact)
    {
        var name = string.Join(' ', new[] { contact.FirstName, contact.LastName }.Where(n => !string.IsNullOrEmpty(n)));
        var details = new[] { name, contact.Email, contact.TimeZone, contact.Locale }.Where(d => !string.IsNullOrEmpty(d));
        return $"{contact.Id} ({string.Join(", ", details)})";
    }

    /// <summary>Streams the contacts until <paramref name="id"/>, remembering the closest id for a "did you mean".</summary>
    private static async Task<(Contact?, string?)> FindContactAsync(IContactSource source, string id, CancellationToken cancellationToken)
    {
        var wanted = ContactIds.Normalize(id);
        var limit = Math.Max(1, Math.Min(3, wanted.Length / 3));
        string? best = null;
        var bestDistance = int.MaxValue;
        await foreach (var contact in source.ReadContactsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(contact.Id, wanted, StringComparison.Ordinal))
            {
                return (contact, null);
            }

            if (Math.Abs(contact.Id.Length - wanted.Length) <= limit)
            {
                var distance = NameSuggester.Distance(wanted, contact.Id);
                if (distance <= limit && (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(contact.Id, best) < 0)))
                {
                    (best, bestDistance) = (contact.Id, distance);
                }
            }
        }

        return (null, best);
    }

    private static string DidYouMean(string written, IEnumerable<string> candidates) =>
        NameSuggester.Suggest(written, candidates) is { } suggestion ? $"; did you mean '{suggestion}'?" : "";

    private static int Usage(TextWriter stderr, params IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            stderr.WriteLine($"campaignc: error: {problem}");
        }

        return ExitCodes.UsageError;
    }
}
