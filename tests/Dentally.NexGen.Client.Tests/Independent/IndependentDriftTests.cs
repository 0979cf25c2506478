using Dentally.NexGen.Independent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Dentally.NexGen.Client.Tests.Independent;

/// <summary>
/// The drift the SDK reports in production, against a server that differs from the sandbox only where the
/// contract allows (tests/IndependentServer/README.md): additive at most, never breaking — a breaking
/// report there would page someone over a conforming server.
/// </summary>
public sealed class IndependentDriftTests : IAsyncLifetime
{
    private readonly FakeLogCollector _logs = new();
    private IndependentServer _server = null!;

    public async Task InitializeAsync() => _server = await IndependentServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task A_booking_and_every_read_report_nothing_breaking()
    {
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(new FakeLoggerProvider(_logs)));
        var client = new NexGenClient(IndependentClient.Options(_server), transport: null, loggers);

        var booked = await new BookingWorkflow(client).BookAsync(new BookingRequest
        {
            PatientQuery = "Jane Smith",
            AppointmentTypeCode = "NPE",
            LocationUuid = IndependentData.MainStreetDental,
            Start = new DateTime(2025, 5, 20, 10, 0, 0),
        });
        await client.Appointments.GetAsync(booked.Appointment.Uuid);
        await client.Appointments.ListAllAsync().ToListAsync();
        await client.Sites.ListAllAsync().ToListAsync();
        await client.Providers.ListAsync();
        await Assert.ThrowsAsync<NexGenNotFoundException>(() => client.Patients.GetAsync(Guid.NewGuid()));

        var drift = _logs.GetSnapshot().Where(r => r.Id.Name == "NexGenContractDrift").ToList();
        Assert.Contains(drift, r => State(r, "DriftKind") == "undocumented-member");
        Assert.Contains(drift, r => State(r, "DriftKind") == "new-enum-value");
        var breaking = drift.Where(r => State(r, "DriftClass") != "additive").Select(r => $"{State(r, "Operation")} {State(r, "DriftKind")} {State(r, "JsonPath")}").ToList();
        Assert.True(breaking.Count == 0, string.Join(Environment.NewLine, breaking));
    }

    private static string? State(FakeLogRecord record, string key) => record.StructuredState?.FirstOrDefault(s => s.Key == key).Value;
}
