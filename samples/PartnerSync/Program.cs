using Dentally.NexGen.Samples.PartnerSync;

return await PartnerSyncSample.RunAsync(args, Console.Out, Console.Error);
