using System.Reflection;
using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Client.Tests.ClientLayer;

/// <summary>Every area call can return its value with the status code, the request id and whether the server replayed it.</summary>
public sealed class ResponseMetadataTests : IAsyncLifetime
{
    private NexGenSandbox _sandbox = null!;
    private NexGenClient _client = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await NexGenSandbox.StartAsync();
        _client = new NexGenClient(_sandbox.CreateOptions().OnTestClock());
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task A_get_returns_its_value_with_status_and_request_id()
    {
        var first = await _client.Sites.GetWithResponseAsync(SandboxSeed.MainStreetDental);
        var second = await _client.Sites.GetWithResponseAsync(SandboxSeed.MainStreetDental);

        Assert.Equal(SandboxSeed.MainStreetDental, first.Value.Uuid);
        Assert.Equal(200, first.StatusCode);
        Assert.False(first.Replayed);
        Assert.False(string.IsNullOrEmpty(first.RequestId));
        Assert.NotEqual(first.RequestId, second.RequestId);
        Assert.Equal($"HTTP 200 (request id {first.RequestId})", first.ToString());
    }

    [Fact]
    public async Task A_post_sent_again_with_its_key_says_the_server_replayed_it()
    {
        var patient = new PatientCreate { FirstName = "Ada", LastName = "Lovelace", DateOfBirth = new DateTime(1990, 12, 10) };

        var created = await _client.Patients.CreateWithResponseAsync(patient, "patient-ada-1");
        var again = await _client.Patients.CreateWithResponseAsync(patient, "patient-ada-1");

        Assert.Equal((201, false), (created.StatusCode, created.Replayed));
        Assert.Equal((201, true), (again.StatusCode, again.Replayed));
        Assert.Equal(created.Value.Uuid, again.Value.Uuid);
    }

    [Fact]
    public async Task A_retried_call_reports_the_answer_it_ended_with()
    {
        _sandbox.InjectFault("GET", "/api/v1/{org_id}/providers", SandboxFault.Status(503));
        var options = _sandbox.CreateOptions().OnTestClock();
        options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);

        var providers = await new NexGenClient(options).Providers.ListWithResponseAsync();

        Assert.Equal(200, providers.StatusCode);
        Assert.Equal(2, _sandbox.ReceivedRequests.Count);
    }

    [Fact]
    public void Every_area_method_that_returns_a_value_has_a_WithResponseAsync_twin()
    {
        var areas = typeof(NexGenClient).GetProperties().Select(p => p.PropertyType).Where(t => t.Name.EndsWith("Operations", StringComparison.Ordinal)).ToList();
        var missing = new List<string>();
        foreach (var area in areas)
        {
            foreach (var method in area.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => m.ReturnType.IsGenericType && m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) && !m.Name.EndsWith("WithResponseAsync", StringComparison.Ordinal)))
            {
                var twin = area.GetMethod(method.Name[..^"Async".Length] + "WithResponseAsync", method.GetParameters().Select(p => p.ParameterType).ToArray());
                var expected = typeof(Task<>).MakeGenericType(typeof(NexGenResponse<>).MakeGenericType(method.ReturnType.GetGenericArguments()[0]));
                if (twin?.ReturnType != expected)
                {
                    missing.Add($"{area.Name}.{method.Name}");
                }
            }
        }

        Assert.Equal(6, areas.Count);
        Assert.True(missing.Count == 0, "No WithResponseAsync twin: " + string.Join(", ", missing));
    }
}
