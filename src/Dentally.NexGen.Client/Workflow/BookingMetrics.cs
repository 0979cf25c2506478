using System.Diagnostics.Metrics;

namespace Dentally.NexGen.Client;

/// <summary>
/// The booking workflow's counters, on the <c>Dentally.NexGen.Client</c> meter, each tagged with the
/// tenant (<see cref="NexGenDiagnostics.OrganizationIdTag"/>, <see cref="NexGenDiagnostics.PracticeIdTag"/>)
/// so a partner's dashboards split by practice.
/// </summary>
internal sealed class BookingMetrics(string? organizationId, string? practiceId)
{
    private static readonly Counter<long> Bookings = NexGenDiagnostics.Meter.CreateCounter<long>("nexgen.booking.bookings", description: "Appointments booked by the workflow.");

    private static readonly Counter<long> Conflicts = NexGenDiagnostics.Meter.CreateCounter<long>("nexgen.booking.conflicts", description: "409 slot-conflict answers seen by the workflow.");

    private static readonly Counter<long> Rebooks = NexGenDiagnostics.Meter.CreateCounter<long>("nexgen.booking.rebooks", description: "Replacement slots tried after a conflict.");

    private static readonly Counter<long> Failures = NexGenDiagnostics.Meter.CreateCounter<long>("nexgen.booking.failures", description: "Bookings that ended in an exception.");

    private readonly KeyValuePair<string, object?>[] _tenant =
    [
        new(NexGenDiagnostics.OrganizationIdTag, organizationId),
        new(NexGenDiagnostics.PracticeIdTag, practiceId),
    ];

    public void Booked() => Bookings.Add(1, _tenant);

    public void Conflict() => Conflicts.Add(1, _tenant);

    public void Rebook() => Rebooks.Add(1, _tenant);

    public void Failed() => Failures.Add(1, _tenant);
}
