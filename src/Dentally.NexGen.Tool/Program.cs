using Dentally.NexGen.Tool;

return await NexGenCommandLine.RunAsync(args, new ToolConsole(Console.Out, Console.Error, Environment.GetEnvironmentVariable));
