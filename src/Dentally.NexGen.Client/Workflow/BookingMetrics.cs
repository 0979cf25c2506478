using System.Diagnostics.Metrics;

namespace Dentally.NexGen.Client;

/// <summary>The booking workflow's counters, on the <c>Dentally.NexGen.Client</c> meter.</summary>
internal static class BookingMetrics
{
    public static readonly Counter<long> Bookings = NexGenDiagnostics.Meter.CreateCounter<long>("nexgen.booking.bookings", description: "Appointments booked by the workflow.");

    public static readonly Counter<long> Conflicts = NexGenDiagnostics.Meter.CreateCounter<long>("nexgen.booking.conflicts", description: "409 slot-conflict answers seen by the workflow.");

    public static readonly Counter<long> Rebooks = NexGenDiagnostics.Meter.CreateCounter<long>("nexgen.booking.rebooks", description: "Replacement slots tried after a conflict.");

    public static readonly Counter<long> Failures = NexGenDiagnostics.Meter.CreateCounter<long>("nexgen.booking.failures", description: "Bookings that ended in an exception.");
}
