using System.Globalization;
using System.Net;
using System.Text;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Contract;

/// <summary>
/// Dates and times go out and come back the same whatever the caller's culture, including cultures whose
/// default calendar is not the Gregorian one (Thai Buddhist, Umm al-Qura, Persian) and tr-TR's casing.
/// </summary>
public sealed class CultureTests
{
    private const string PatientJson = """{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"Jane","last_name":"Smith","date_of_birth":"1986-04-12"}""";

    [Theory]
    [InlineData("th-TH")]
    [InlineData("ar-SA")]
    [InlineData("fa-IR")]
    [InlineData("tr-TR")]
    public async Task A_date_of_birth_is_written_and_read_in_the_gregorian_calendar(string culture)
    {
        string? sent = null;
        var transport = new ScriptedHandler().Then(async (request, ct) =>
        {
            sent = await request.Content!.ReadAsStringAsync(ct);
            return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent(PatientJson, Encoding.UTF8, "application/json") };
        });
        var client = SdkHarness.ClientOver(transport, _ => { });

        var patient = await InCulture(culture, () => client.Patients.CreateAsync(new PatientCreate { FirstName = "Jane", LastName = "Smith", DateOfBirth = new DateTime(1986, 4, 12) }));

        Assert.Contains("\"date_of_birth\":\"1986-04-12\"", sent, StringComparison.Ordinal);
        Assert.Equal(new DateTime(1986, 4, 12), patient.DateOfBirth);
    }

    private static async Task<T> InCulture<T>(string name, Func<Task<T>> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
        try
        {
            return await action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
