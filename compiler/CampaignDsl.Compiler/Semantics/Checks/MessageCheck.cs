using CampaignDsl.Compiler.Ast;
using CampaignDsl.Compiler.Diagnostics;

namespace CampaignDsl.Compiler.Semantics.Checks;

/// <summary>Sends: a known channel, a template, a sender with an address, subjects where they belong, A/B weights that add up to 100.</summary>
internal sealed class MessageCheck : ICampaignCheck
{
    public static readonly string[] Channels = ["email", "sms", "push", "webhook"];

    public void Check(CampaignScope scope, DiagnosticBag diagnostics)
    {
        foreach (var send in scope.Campaign.Stages.SelectMany(s => s.AllSends))
        {
            if (send.Channel.IsMissing)
            {
                continue;
            }

            var channel = send.Channel.Name;
            if (!Channels.Contains(channel))
            {
                diagnostics.Add(DiagnosticCatalog.ChannelNotFound(scope.At(send.Channel), channel, NameSuggester.Suggest(channel, Channels)));
                continue;
            }

            // `from` on one message takes a sender like the campaign's `from` setting does.
            foreach (var sender in send.Options.OfType<SenderOverride>())
            {
                if (SettingCatalog.All["from"](sender.Address) is { } problem)
                {
                    diagnostics.Add(DiagnosticCatalog.SettingValue(scope.At(sender.Address), "from", problem.Expected, problem.Suggestion));
                }
            }

            if (send.Template is null && send.Body is null)
            {
                diagnostics.Add(DiagnosticCatalog.SendWithoutTemplate(scope.At(send.Channel), channel));
            }

            // Two sources of text would leave it open which one is sent.
            foreach (var body in send.Options.OfType<MessageBody>().Skip(send.Template is null ? 1 : 0))
            {
                diagnostics.Add(DiagnosticCatalog.TwoMessageTexts(scope.At(body), send.Template is not null));
            }

            var subjects = send.Subjects.ToList();
            if (channel != "email")
            {
                foreach (var subject in subjects)
                {
                    diagnostics.Add(DiagnosticCatalog.SubjectOnNonEmail(scope.At(subject), channel));
                }

                foreach (var preheader in send.Options.OfType<Preheader>())
                {
                    diagnostics.Add(DiagnosticCatalog.PreheaderOnNonEmail(scope.At(preheader), channel));
                }

                continue;
            }

            if (subjects.Count == 0)
            {
                diagnostics.Add(DiagnosticCatalog.EmailWithoutSubject(scope.At(send.Channel)));
            }

            CheckWeights(scope, diagnostics, send, subjects);
        }
    }

    private static void CheckWeights(CampaignScope scope, DiagnosticBag diagnostics, SendAction send, List<SubjectLine> subjects)
    {
        if (!subjects.Any(s => s.Weight is not null))
        {
            return;
        }

        var complete = true;
        foreach (var subject in subjects)
        {
            if (subject.Weight is not { } weight)
            {
                diagnostics.Add(DiagnosticCatalog.WeightMissing(scope.At(subject)));
                complete = false;
            }
            else if (weight.Value <= 0)
            {
                diagnostics.Add(DiagnosticCatalog.WeightNotPositive(scope.At(weight)));
                complete = false;
            }
        }

        var total = subjects.Sum(s => s.Weight?.Value ?? 0);
        if (complete && total != 100)
        {
            diagnostics.Add(DiagnosticCatalog.WeightsDoNotAddUp(scope.At(subjects[0].Span.Cover(subjects[^1].Span)), total));
        }
    }
}
