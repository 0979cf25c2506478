using System.Net.Http;
using WireMock.Server;
using WireMock.Settings;

namespace Dentally.NexGen.Client.Tests.Support;

/// <summary>A WireMock.Net server on a free loopback port, and the generated clients pointed at it.</summary>
internal sealed class WireMockApi : IDisposable
{
    public WireMockApi()
    {
        Server = WireMockServer.Start(new WireMockServerSettings { Port = 0, StartAdminInterface = false });
        // No trailing slash on purpose: the generated clients must still resolve paths below it.
        Http = new HttpClient { BaseAddress = new Uri(Server.Url!) };
        Clients = new RawClients(Http);
    }

    public WireMockServer Server { get; }

    public HttpClient Http { get; }

    public RawClients Clients { get; }

    public void Dispose()
    {
        Http.Dispose();
        Server.Stop();
        Server.Dispose();
    }
}

/// <summary>One instance of each generated client, sharing one <see cref="HttpClient"/>.</summary>
internal sealed class RawClients(HttpClient http)
{
    public ISitesClient Sites { get; } = new SitesClient(http);

    public IPatientsClient Patients { get; } = new PatientsClient(http);

    public IProvidersClient Providers { get; } = new ProvidersClient(http);

    public IAppointmentTypesClient AppointmentTypes { get; } = new AppointmentTypesClient(http);

    public IAppointmentsClient Appointments { get; } = new AppointmentsClient(http);

    public IScheduleClient Schedule { get; } = new ScheduleClient(http);
}
