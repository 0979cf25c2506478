using System.Reflection;
using Dentally.NexGen.Client.Serialization;
using Dentally.NexGen.Client.Tests.Support;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Client.Tests.Contract;

/// <summary>
/// Problem types and the contract's extensible values are strings on both sides: the members the SDK
/// fills and the constants it publishes, so a caller compares them with <c>==</c> and uses the constants
/// as <c>case</c> labels; a value this version does not know passes through unchanged.
/// </summary>
public sealed class ExtensibleValueTests
{
    private static readonly JsonSerializerSettings Settings = NexGenJsonSettings.Apply(new JsonSerializerSettings());

    [Theory]
    [InlineData(ProblemTypes.SlotConflict, "slot")]
    [InlineData(ProblemTypes.IdempotencyKeyInUse, "in use")]
    [InlineData("https://docs.api.dentally.com/problems/provider-on-leave", "other: https://docs.api.dentally.com/problems/provider-on-leave")]
    public void A_problem_type_is_switched_on_with_the_constants(string type, string expected)
    {
        NexGenApiException error = NexGenModelFactory.ConflictException(new Problem { Type = new Uri(type), Title = "Conflict", Status = 409 });

        var handled = error.ProblemType switch
        {
            ProblemTypes.SlotConflict => "slot",
            ProblemTypes.IdempotencyKeyInUse => "in use",
            _ => "other: " + error.ProblemType,
        };

        Assert.Equal(expected, handled);
        Assert.Equal(type, error.ProblemType);
        Assert.Equal(type == ProblemTypes.SlotConflict, error.ProblemType == ProblemTypes.SlotConflict);
    }

    [Fact]
    public void A_problem_type_reaches_the_caller_exactly_as_sent()
    {
        // Not normalised by Uri (no lower-casing of the host, no trailing slash, no unescaping).
        const string sent = "https://Docs.API.dentally.com/problems/%7Eslot-conflict";
        var error = NexGenModelFactory.ApiException(409, new Problem { Type = new Uri(sent), Title = "Conflict", Status = 409 });

        Assert.Equal(sent, error.ProblemType);
        Assert.NotEqual(ProblemTypes.SlotConflict, error.ProblemType);
        Assert.Null(NexGenModelFactory.ApiException(500).ProblemType);
    }

    [Fact]
    public void A_booking_attempt_carries_the_same_problem_type_string()
    {
        var attempt = NexGenModelFactory.BookingAttempt(new Slot(), BookingAttemptOutcome.Conflict, ProblemTypes.SlotConflict);

        switch (attempt.ProblemType)
        {
            case ProblemTypes.SlotConflict:
                break;
            default:
                Assert.Fail($"not switched on: {attempt.ProblemType}");
                break;
        }
    }

    [Theory]
    [InlineData("scheduled", "keep")]
    [InlineData("cancelled", "gone")]
    [InlineData("no_show", "unknown: no_show")]
    public void An_appointment_status_is_switched_on_with_the_constants_and_an_unknown_one_passes_through(string status, string expected)
    {
        var json = GuideJson.Confirmation.Replace("\"status\": \"scheduled\"", $"\"status\": \"{status}\"", StringComparison.Ordinal);
        var appointment = JsonConvert.DeserializeObject<Appointment>(json, Settings)!;

        var handled = appointment.Status switch
        {
            AppointmentStatuses.Scheduled or AppointmentStatuses.Confirmed => "keep",
            AppointmentStatuses.Cancelled => "gone",
            _ => "unknown: " + appointment.Status,
        };

        Assert.Equal(expected, handled);
        Assert.Contains($"\"status\":\"{status}\"", JsonConvert.SerializeObject(appointment, Settings), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("saturday", true)]
    [InlineData("monday", false)]
    [InlineData("bank_holiday", false)]
    public void A_day_of_week_is_switched_on_with_the_constants(string day, bool weekend)
    {
        var hours = JsonConvert.DeserializeObject<OpeningHours>($$"""{"day_of_week":"{{day}}","opens":"09:00","closes":"17:00"}""", Settings)!;

        var isWeekend = hours.DayOfWeek switch
        {
            DaysOfWeek.Saturday or DaysOfWeek.Sunday => true,
            _ => false,
        };

        Assert.Equal(weekend, isWeekend);
        Assert.Equal(day, hours.DayOfWeek);
    }

    [Theory]
    [InlineData("provider", "provider")]
    [InlineData("operatory", "room")]
    [InlineData("x_ray_room", "other: x_ray_room")]
    public void A_conflict_resource_is_switched_on_with_the_constants(string resource, string expected)
    {
        var conflict = new ConflictDetail { Resource = resource };

        var handled = conflict.Resource switch
        {
            ConflictResources.Provider => "provider",
            ConflictResources.Operatory => "room",
            _ => "other: " + conflict.Resource,
        };

        Assert.Equal(expected, handled);
    }

    [Theory]
    [InlineData("AppointmentStatus", null, typeof(AppointmentStatuses))]
    [InlineData("OpeningHours", "day_of_week", typeof(DaysOfWeek))]
    [InlineData("ConflictDetail", "resource", typeof(ConflictResources))]
    public void The_constants_are_exactly_the_values_the_spec_lists(string schema, string? property, Type constants)
    {
        var node = ContractSpec.Instance.Root["components"]!["schemas"]![schema]!;
        if (property is not null)
        {
            node = node["properties"]![property]!;
        }

        var listed = ((JArray)node["x-extensible-enum"]!).Select(v => (string)v!).Order(StringComparer.Ordinal);

        Assert.Equal(listed, ConstantValues(constants));
    }

    [Fact]
    public void The_problem_type_constants_are_the_contracts_full_URIs()
    {
        var values = ConstantValues(typeof(ProblemTypes)).Where(v => v != ProblemTypes.Prefix).ToList();

        Assert.Equal(11, values.Count);
        Assert.All(values, v => Assert.StartsWith(ProblemTypes.Prefix, v, StringComparison.Ordinal));
        Assert.All(values, v => Assert.True(Uri.IsWellFormedUriString(v, UriKind.Absolute), v));
    }

    private static IEnumerable<string> ConstantValues(Type type)
        => type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal);
}
