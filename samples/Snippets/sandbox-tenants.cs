using Dentally.NexGen.Client;
using Dentally.NexGen.Client.Testing;
using Xunit;

namespace MyApp.Tests;

public class PartnerTests
{
    [Fact]
    public async Task Each_practice_books_in_its_own_organisation()
    {
        await using var sandbox = await NexGenSandbox.StartAsync();
        var north = sandbox.AddTenant("org_north", "practice_1", "tok_north_1");
        var south = sandbox.AddTenant("org_south", "practice_7", "tok_south_7");

        // One client for every tenant, as a partner has: the sandbox's token provider answers each
        // organisation and practice with its own token.
        var client = new NexGenClient(new NexGenClientOptions { BaseAddress = sandbox.BaseAddress, TokenProvider = sandbox.TokenProvider });
        var bookings = new BookingWorkflow(client);

        // The same booking code for every tenant: the guide's names and codes, each organisation's own ids.
        foreach (var tenant in new[] { north, south })
        {
            await bookings.ForPractice(tenant.OrganizationId, tenant.PracticeId).BookAsync(new BookingRequest
            {
                PatientQuery = "Jane Smith",
                AppointmentTypeCode = "NPE",
                LocationUuid = tenant.Seed.MainStreetDental,
                Start = new DateTime(2025, 5, 20, 10, 0, 0),
            });
            Assert.Single(tenant.GetAppointments());
        }

        // A token reaches only the organisation and practice it was issued for: 403 anywhere else.
        var crossed = north.CreateOptions();
        crossed.OrganizationId = south.OrganizationId;
        await Assert.ThrowsAsync<NexGenForbiddenException>(() => new NexGenClient(crossed).Providers.ListAsync());
    }
}
