// Until the packages are published, add the nexgen-local package source first (README.md, "Install").
// dotnet new xunit; dotnet add package Dentally.NexGen.Client.Testing --prerelease
using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;
using Xunit;

namespace MyApp.Tests;

public class BookingTests
{
    [Fact]
    public async Task A_taken_slot_is_rebooked()
    {
        await using var sandbox = await NexGenSandbox.StartAsync();
        var client = new NexGenClient(sandbox.CreateOptions());
        sandbox.PreBook(SandboxSeed.MichaelChen, new DateTime(2025, 5, 20, 10, 0, 0));

        var result = await new BookingWorkflow(client).BookAsync(new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = SandboxSeed.MainStreetDental,
            Start = new DateTime(2025, 5, 20, 10, 0, 0),
        });

        Assert.True(result.Rebooked);
        Assert.Equal("scheduled", result.Appointment.Status);
    }
}
