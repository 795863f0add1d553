using Campaignc;

return await CampaigncApp.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
