using Dentally.NexGen.Samples.BookAppointment;

return await BookingSample.RunAsync(args, Console.Out, Console.Error);
