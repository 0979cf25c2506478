using Dentally.NexGen.Client;

var options = new NexGenClientOptions { BaseAddress = new Uri("http://api.example.com") };
foreach (var problem in options.Validate())
{
    Console.WriteLine(problem);
    // NexGenClientOptions.BaseAddress must use https (http is allowed only for loopback hosts; …)
    // NexGenClientOptions.Token or NexGenClientOptions.TokenProvider is required.
}
