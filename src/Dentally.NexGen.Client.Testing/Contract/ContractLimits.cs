using System.Globalization;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Testing.Contract;

/// <summary>
/// The limits the sandbox validates, each read from the schema or parameter of the spec that sets it.
/// None of these numbers is written anywhere else in the sandbox (a test checks).
/// </summary>
internal static class ContractLimits
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private static JToken Components => SandboxContract.Instance.Root["components"]!;

    /// <summary><c>AppointmentCreate.notes</c>.</summary>
    public static int BookingNotesMaxLength { get; } = Number(Property("AppointmentCreate", "notes"), "maxLength");

    /// <summary><c>AppointmentUpdate.notes</c>.</summary>
    public static int UpdateNotesMaxLength { get; } = Number(Property("AppointmentUpdate", "notes"), "maxLength");

    /// <summary><c>AppointmentCancel.reason</c>.</summary>
    public static int CancelReasonMaxLength { get; } = Number(Property("AppointmentCancel", "reason"), "maxLength");

    /// <summary>The <c>query</c> of <c>searchPatients</c>.</summary>
    public static int PatientQueryMaxLength { get; } = Number(SandboxContract.Instance.Parameters("searchPatients").Single(p => p["name"]?.ToString() == "query")["schema"]!, "maxLength");

    /// <summary>The <c>Idempotency-Key</c> header.</summary>
    public static int IdempotencyKeyMaxLength { get; } = Number(Components["parameters"]!["IdempotencyKey"]!["schema"]!, "maxLength");

    /// <summary>How long a stored <c>Idempotency-Key</c> replays its answer (the header's <c>x-replay-window-hours</c>).</summary>
    public static TimeSpan IdempotencyReplayWindow { get; } = TimeSpan.FromHours(Number(Components["parameters"]!["IdempotencyKey"]!, "x-replay-window-hours"));

    /// <summary>The <c>page_size</c> query parameter's maximum.</summary>
    public static int PageSizeMax { get; } = Number(Components["parameters"]!["PageSize"]!["schema"]!, "maximum");

    /// <summary>The <c>page_size</c> a request without one gets.</summary>
    public static int PageSizeDefault { get; } = Number(Components["parameters"]!["PageSize"]!["schema"]!, "default");

    /// <summary>The longest <c>from</c>–<c>to</c> window of <c>getAvailability</c>, in days (its <c>x-maximum-window-days</c>).</summary>
    public static int AvailabilityMaxWindowDays { get; } = Number(SandboxContract.Instance.Operation("getAvailability"), "x-maximum-window-days");

    /// <summary>The statuses <c>POST …/status</c> may move an appointment to (<c>StatusChangeTarget</c>'s enum).</summary>
    public static IReadOnlyList<string> StatusChangeTargets { get; } = Components["schemas"]!["StatusChangeTarget"]!["enum"]!.Select(value => value.ToString()).ToList();

    private static JToken Property(string schema, string property) => Components["schemas"]![schema]!["properties"]![property]!;

    private static int Number(JToken schema, string keyword)
        => int.TryParse(schema[keyword]?.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidOperationException($"The contract (openapi.yaml) no longer sets the {keyword} at {schema.Path} that the sandbox validates.");
}
