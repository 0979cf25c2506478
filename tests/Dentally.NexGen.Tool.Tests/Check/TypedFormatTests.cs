using Dentally.NexGen.Client;
using Dentally.NexGen.ContractCheck.Contract;

namespace Dentally.NexGen.Tool.Tests.Check;

/// <summary>
/// The check classes a number in a string member info only where the SDK keeps the member as text: its list of
/// formats (also what makes a pattern dropped from a response member breaking in <c>nexgen diff</c>) the SDK reads into a type of its own must match the types NSwag generated for them.
/// </summary>
public sealed class TypedFormatTests
{
    [Theory]
    [InlineData(typeof(Contact), nameof(Contact.Website), "uri")]
    [InlineData(typeof(Problem), nameof(Problem.Type), "uri")]
    [InlineData(typeof(Problem), nameof(Problem.Instance), "uri-reference")]
    [InlineData(typeof(Contact), nameof(Contact.Email), "email")]
    [InlineData(typeof(Patient), nameof(Patient.Uuid), "uuid")]
    public void A_format_is_typed_exactly_when_the_generated_member_is_not_a_string(Type model, string property, string format)
    {
        var generated = model.GetProperty(property)!.PropertyType;

        Assert.Equal(generated != typeof(string), SdkTypedFormats.Contains(format));
    }
}
