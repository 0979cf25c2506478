using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;
using Microsoft.Extensions.DependencyInjection;

await using var sandbox = await NexGenSandbox.StartAsync();
var services = new ServiceCollection();

services.AddNexGenClient(sandbox.ConfigureClient);                 // a new registration, or
services.Configure<NexGenClientOptions>(sandbox.ConfigureClient);  // over the app's own
