using Dentally.NexGen.Samples.ListSites;

return await SitesSample.RunAsync(args, Console.Out, Console.Error);
