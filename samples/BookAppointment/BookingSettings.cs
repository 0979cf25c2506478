namespace Dentally.NexGen.Samples.BookAppointment;

/// <summary>What to book, from the command line.</summary>
internal sealed record BookingSettings(string Patient, string TypeCode, Guid Location, Guid? Provider, DateTime Start, string? Notes, string? IdempotencyKey);
