using System.Net.Http;
using Dentally.NexGen.Client.Tests.Support;
using static Dentally.NexGen.Client.Tests.Workflow.WorkflowStub;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>
/// A token provider that fails (its identity provider down) ends the call with its own exception: not
/// retried, not reported as the API refusing the connection, and, for a booking's POST that never left,
/// not an unknown outcome.
/// </summary>
public sealed class TokenProviderFailureTests
{
    [Fact]
    public async Task A_failing_provider_ends_the_call_with_its_own_exception_at_once_and_nothing_is_sent()
    {
        var unavailable = new HttpRequestException("identity provider unavailable");
        var asked = 0;
        using var harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.FromDelegate((_, _) =>
            {
                asked++;
                return new ValueTask<string>(Task.FromException<string>(unavailable));
            });
        });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.Providers.ListAsync());

        Assert.Same(unavailable, error);
        Assert.Equal(1, asked);
        Assert.Empty(harness.Requests);
    }

    [Fact]
    public async Task A_provider_that_throws_before_answering_is_its_own_exception_too()
    {
        using var harness = new SdkHarness(o =>
        {
            o.Token = null;
            o.TokenProvider = NexGenTokenProviders.FromDelegate((_, _) => throw new InvalidOperationException("no credentials configured"));
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => harness.Client.AppointmentTypes.ListAsync());

        Assert.Equal("no credentials configured", error.Message);
        Assert.Empty(harness.Requests);
    }

    [Fact]
    public async Task A_booking_whose_POST_never_left_is_the_providers_failure_not_an_unknown_outcome()
    {
        var unavailable = new HttpRequestException("identity provider unavailable");
        var asked = 0;
        using var harness = new SdkHarness(o =>
        {
            o.Token = null;
            // The search and the type lookup get their tokens; the POST, asked third, does not.
            o.TokenProvider = NexGenTokenProviders.FromDelegate((_, _) => Interlocked.Increment(ref asked) < 3
                ? new ValueTask<string>("token")
                : new ValueTask<string>(Task.FromException<string>(unavailable)));
        });
        Types(harness);
        Search(harness, "Jane", Page(PatientJson(Jane, "Jane", "1986-04-12", Chen)));
        PostAt(harness, "2025-05-20T10:00:00", Created("2025-05-20T10:00:00", "2025-05-20T11:00:00"));
        var workflow = new BookingWorkflow(harness.Client, new AppointmentTypeCache());

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => workflow.BookAsync(JaneNpeAtTen()));

        Assert.Same(unavailable, error);
        Assert.Equal(3, asked);
        Assert.DoesNotContain(harness.Requests, r => r.Method == "POST");
    }
}
