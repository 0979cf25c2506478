using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Client.Tests.Fuzz;

/// <summary>
/// The server under test: the sandbox by default, or any server that implements the contract when
/// NEXGEN_FUZZ_BASE_URL is set (with NEXGEN_FUZZ_TOKEN, NEXGEN_FUZZ_ORG and NEXGEN_FUZZ_PRACTICE).
/// Valid requests name the spec's example entities, which the sandbox is seeded with.
/// </summary>
internal sealed class FuzzTarget : IAsyncDisposable
{
    private readonly NexGenSandbox? _sandbox;

    private FuzzTarget(NexGenSandbox? sandbox, Uri baseAddress, string token, string organization, string practice, IReadOnlyDictionary<string, string[]> ids)
    {
        _sandbox = sandbox;
        BaseAddress = baseAddress;
        Token = token;
        Organization = organization;
        Practice = practice;
        Ids = ids;
    }

    public Uri BaseAddress { get; }

    public string Token { get; }

    public string Organization { get; }

    public string Practice { get; }

    /// <summary>Whether this is the sandbox, whose data the test knows: only then is a valid request expected never to be refused.</summary>
    public bool IsSandbox => _sandbox is not null;

    /// <summary>Existing entities, by the name of the parameter or member that refers to them.</summary>
    public IReadOnlyDictionary<string, string[]> Ids { get; }

    public static async Task<FuzzTarget> StartAsync()
    {
        var appointments = new List<string>();
        NexGenSandbox? sandbox = null;
        Uri baseAddress;
        string token, organization, practice;
        if (Environment.GetEnvironmentVariable("NEXGEN_FUZZ_BASE_URL") is { Length: > 0 } url)
        {
            baseAddress = new Uri(url.EndsWith('/') ? url : url + "/");
            // Without a token every answer would be a 401, and the run would prove nothing.
            token = Environment.GetEnvironmentVariable("NEXGEN_FUZZ_TOKEN") is { Length: > 0 } given
                ? given
                : throw new InvalidOperationException("NEXGEN_FUZZ_BASE_URL needs NEXGEN_FUZZ_TOKEN.");
            organization = Environment.GetEnvironmentVariable("NEXGEN_FUZZ_ORG") ?? SandboxSeed.OrganizationId;
            practice = Environment.GetEnvironmentVariable("NEXGEN_FUZZ_PRACTICE") ?? SandboxSeed.PracticeId;
        }
        else
        {
            sandbox = await NexGenSandbox.StartAsync();
            baseAddress = sandbox.BaseAddress;
            (token, organization, practice) = (sandbox.Token, sandbox.OrganizationId, sandbox.PracticeId);
            foreach (var (patient, day) in new[] { (SandboxSeed.JaneSmith, 21), (SandboxSeed.JonathanSmith, 22), (SandboxSeed.JaneSmith, 23) })
            {
                appointments.Add(sandbox.PreBook(SandboxSeed.MichaelChen, new DateTime(2025, 5, day, 9, 0, 0), patientUuid: patient).Uuid.ToString());
            }
        }

        if (appointments.Count == 0)
        {
            appointments.Add("f1e2d3c4-b5a6-4789-8012-3456789abcde");
        }

        string[] sites = [SandboxSeed.MainStreetDental.ToString(), SandboxSeed.HarbourViewDental.ToString()];
        string[] providers = [SandboxSeed.MichaelChen.ToString(), SandboxSeed.PriyaNatarajan.ToString()];
        var ids = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["site_uuid"] = sites,
            ["location_uuid"] = sites,
            ["patient_uuid"] = [SandboxSeed.JaneSmith.ToString(), SandboxSeed.JonathanSmith.ToString()],
            ["provider_uuid"] = providers,
            ["preferred_provider_uuid"] = providers,
            ["appointment_type_uuid"] = [SandboxSeed.NewPatientExam.ToString(), SandboxSeed.HygieneCleaning.ToString(), SandboxSeed.EmergencyVisit.ToString()],
            ["appointment_uuid"] = [.. appointments],
        };
        return new FuzzTarget(sandbox, baseAddress, token, organization, practice, ids);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }
    }
}
