using System.Diagnostics;
using Dentally.NexGen.Client.Testing;
using Dentally.NexGen.Client.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Dentally.NexGen.Client.Tests.Reliability;

/// <summary>With the most verbose logging and every activity recorded, no token or patient name leaks.</summary>
public sealed class SecretsTests
{
    [Fact]
    public async Task No_log_line_exception_message_or_activity_tag_holds_the_token_or_a_patient_name()
    {
        await using var sandbox = await NexGenSandbox.StartAsync(new NexGenSandboxOptions { Token = "tok_TOPSECRET_5150" });
        var logs = new FakeLogCollector();
        var tags = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (tags)
                {
                    tags.Add(activity.DisplayName);
                    tags.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
                    tags.AddRange(activity.Events.Select(e => e.Name));
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var messages = new List<string>();

        var services = new ServiceCollection();
        services.AddLogging(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs)));
        services.AddNexGenClient(options =>
        {
            options.BaseAddress = sandbox.BaseAddress;
            options.OrganizationId = sandbox.OrganizationId;
            options.PracticeId = sandbox.PracticeId;
            options.Token = sandbox.Token;
        });
        await using (var provider = services.BuildServiceProvider())
        {
            var client = provider.GetRequiredService<NexGenClient>();
            messages.Add(client.Options.ToString());
            await client.Patients.SearchAsync("Jane Smith");
            await client.Patients.GetAsync(SandboxSeed.JaneSmith);
            await provider.GetRequiredService<BookingWorkflow>().BookAsync(new BookingRequest
            {
                PatientQuery = "Jane Smith",
                AppointmentTypeCode = "NPE",
                LocationUuid = SandboxSeed.MainStreetDental,
                Start = new DateTime(2025, 5, 20, 10, 0, 0),
            });
            var ambiguous = await Assert.ThrowsAsync<AmbiguousPatientException>(() => provider.GetRequiredService<BookingWorkflow>().BookAsync(new BookingRequest
            {
                PatientQuery = "Smith",
                AppointmentTypeCode = "NPE",
                LocationUuid = SandboxSeed.MainStreetDental,
                Start = new DateTime(2025, 5, 20, 14, 0, 0),
            }));
            messages.Add(ambiguous.ToString());

            // A 422's message names the invalid fields and gives the detail, never a value sent. (An address
            // without an '@' is refused before sending; one with two is the server's to judge.)
            var invalid = await Assert.ThrowsAsync<NexGenValidationException>(() => client.Patients.CreateAsync(new PatientCreate
            {
                FirstName = "Jane",
                LastName = "Smith",
                DateOfBirth = new DateTime(1985, 3, 14),
                Email = "Jane.Smith@example@invalid",
            }));
            Assert.Contains("email", invalid.Message, StringComparison.Ordinal);
            messages.Add(invalid.ToString());
        }

        var wrongToken = sandbox.CreateOptions();
        wrongToken.Token = "tok_TOPSECRET_wrong";
        var rejected = new NexGenClient(wrongToken, transport: null, LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new FakeLoggerProvider(logs))));
        {
            var unauthorized = await Assert.ThrowsAsync<NexGenUnauthorizedException>(() => rejected.Patients.SearchAsync("Jane Smith"));
            messages.Add(unauthorized.ToString());
            messages.Add(rejected.Options.ToString());
        }

        var lines = logs.GetSnapshot().SelectMany(r => new[] { r.Message, string.Join(";", r.StructuredState?.Select(s => s.Value) ?? []), r.Exception?.ToString() ?? string.Empty }).ToList();
        List<string> allTags;
        lock (tags)
        {
            allTags = tags.ToList();
        }

        Assert.NotEmpty(lines);
        Assert.Contains(allTags, t => t.StartsWith("url.template=", StringComparison.Ordinal));
        foreach (var secret in new[] { "TOPSECRET", "Jane", "Jonathan", "Smith" })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(messages, m => m.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(allTags, t => t.Contains(secret, StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("12/04/1986")]
    [InlineData("1986-04-12T00:00:00")]
    public async Task A_date_of_birth_in_another_format_is_not_quoted_by_the_exception_or_its_inner_exceptions(string dateOfBirth)
    {
        using var api = new WireMockApi();
        api.Server.Given(WireMock.RequestBuilders.Request.Create().UsingGet()).RespondWith(WireMock.ResponseBuilders.Response.Create()
            .WithStatusCode(200).WithHeader("Content-Type", "application/json")
            .WithBody($$"""{"uuid":"a1b2c3d4-e5f6-7890-abcd-ef1234567890","first_name":"A","last_name":"B","date_of_birth":"{{dateOfBirth}}"}"""));

        // The generated client over the caller's own HttpClient: no SDK pipeline turns the failure into a contract violation.
        var error = await Assert.ThrowsAnyAsync<NexGenApiException>(() => api.Clients.Patients.GetPatientAsync(SdkHarness.Org, Guid.Parse("a1b2c3d4-e5f6-7890-abcd-ef1234567890")));

        Assert.Equal(200, error.StatusCode);
        Assert.DoesNotContain("1986", error.ToString(), StringComparison.Ordinal);
    }
}
