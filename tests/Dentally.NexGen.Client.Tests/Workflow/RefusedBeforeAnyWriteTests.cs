using Dentally.NexGen.Client.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Dentally.NexGen.Client.Tests.Workflow;

/// <summary>
/// A booking that is refused for good leaves nothing behind: with <see cref="BookingRequest.CreatePatientIfMissing"/>
/// and no match, the type and the length are settled before <c>POST /patients</c>.
/// </summary>
public sealed class RefusedBeforeAnyWriteTests : IAsyncLifetime
{
    private NexGenSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await NexGenSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task An_unknown_type_code_creates_no_patient()
    {
        var request = NewPatient();
        request.AppointmentTypeCode = "NOPE";

        await Assert.ThrowsAsync<AppointmentTypeUnavailableException>(() => Workflow().BookAsync(request));

        AssertNothingWritten();
    }

    [Fact]
    public async Task An_end_shorter_than_the_types_duration_creates_no_patient()
    {
        var request = NewPatient();
        request.End = request.Start.AddMinutes(30);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Workflow().BookAsync(request));

        Assert.Equal("request.End", refused.ParamName);
        AssertNothingWritten();
    }

    [Fact]
    public async Task A_booking_that_passes_every_check_creates_the_patient_and_books()
    {
        var result = await Workflow().BookAsync(NewPatient());

        var patient = Assert.Single(_sandbox.GetPatients(), p => p.LastName == "Okafor");
        Assert.Equal(patient.Uuid, result.Appointment.Patient.Uuid);
        Assert.Equal(SandboxSeed.MichaelChen, result.Appointment.Provider!.Uuid);
    }

    private void AssertNothingWritten()
    {
        Assert.DoesNotContain(_sandbox.ReceivedRequests, r => r.Method == "POST");
        Assert.DoesNotContain(_sandbox.GetPatients(), p => p.LastName == "Okafor");
    }

    private BookingWorkflow Workflow()
    {
        var options = _sandbox.CreateOptions();
        options.TimeProvider = new FakeTimeProvider();
        return new BookingWorkflow(new NexGenClient(options));
    }

    private static BookingRequest NewPatient() => new()
    {
        PatientQuery = "Ada Okafor",
        CreatePatientIfMissing = new PatientCreate { FirstName = "Ada", LastName = "Okafor", DateOfBirth = new DateTime(1990, 2, 3), PreferredProviderUuid = SandboxSeed.MichaelChen },
        AppointmentTypeCode = "NPE",
        LocationUuid = SandboxSeed.MainStreetDental,
        Start = new DateTime(2025, 5, 20, 10, 0, 0),
    };
}
