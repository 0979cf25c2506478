namespace Dentally.NexGen.Samples.BookingApi;

/// <summary>What the API's caller asks for.</summary>
/// <param name="Patient">A search for the patient.</param>
/// <param name="Type">The appointment type's code.</param>
/// <param name="Location">The site.</param>
/// <param name="Start">Practice-local start.</param>
public sealed record BookingInput(string Patient, string Type, Guid Location, DateTime Start);

/// <summary>What the API answers.</summary>
/// <param name="Uuid">The appointment.</param>
/// <param name="ScheduledStart">Its practice-local start (<see cref="DateTimeKind.Unspecified"/>; System.Text.Json writes it without an offset).</param>
/// <param name="Rebooked">Whether it moved from the requested slot.</param>
public sealed record BookingOutput(Guid Uuid, DateTime ScheduledStart, bool Rebooked);

/// <summary>
/// Names this app's assembly for <c>WebApplicationFactory&lt;BookingApiApp&gt;</c>. An app of your own
/// usually writes <c>public partial class Program;</c> and uses <c>WebApplicationFactory&lt;Program&gt;</c>;
/// the test project here references other samples whose <c>Program</c> would clash.
/// </summary>
public sealed class BookingApiApp
{
    private BookingApiApp()
    {
    }
}
