using Dentally.NexGen.Tool.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Dentally.NexGen.Tool.Tests.Tool;

/// <summary><c>nexgen diff NEWER_SPEC</c>: the report and exit codes 0 (nothing breaking), 1 (a breaking change) and 2 (no document to compare).</summary>
public sealed class DiffCommandTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"nexgen-diff-{Guid.NewGuid():N}.yaml");

    [Fact]
    public async Task The_same_contract_exits_0()
    {
        await File.WriteAllTextAsync(_file, SpecCopy.Original);

        var run = await ToolRun.RunAsync("diff", _file);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No difference from contract 2026-01-01.", run.Output.Trim());
    }

    [Fact]
    public async Task A_breaking_change_exits_1_and_the_json_names_the_SDK_members_it_touches()
    {
        await File.WriteAllTextAsync(_file, SpecCopy.With("    AppointmentCreate:\n", "scheduled_start, scheduled_end]", "scheduled_start, scheduled_end, notes]"));

        var run = await ToolRun.RunAsync("diff", _file, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        var difference = Assert.Single((JArray)JObject.Parse(run.Output)["differences"]!);
        JToken expected = JObject.Parse("""
            {"operation":"createAppointment","path":"request $.notes","class":"breaking","kind":"became-required","expected":"optional","actual":"required","request_id":null,"sdk_members":["client.Appointments.CreateAsync","BookingWorkflow"]}
            """);
        Assert.True(JToken.DeepEquals(expected, difference), difference.ToString());
    }

    [Fact]
    public async Task The_text_report_says_what_each_contract_says_and_what_it_touches()
    {
        await File.WriteAllTextAsync(_file, SpecCopy.With("    AppointmentCreate:\n", "scheduled_start, scheduled_end]", "scheduled_start, scheduled_end, notes]"));

        var run = await ToolRun.RunAsync("diff", _file);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            [
                "createAppointment",
                "  breaking  became-required at request $.notes: contract says optional; the newer contract says required; touches client.Appointments.CreateAsync, BookingWorkflow",
                "Contract 2026-01-01: 1 breaking, 0 additive, 0 info.",
            ],
            run.Output.TrimEnd().Split(Environment.NewLine));
    }

    [Fact]
    public async Task A_missing_document_exits_2_with_one_line()
    {
        var run = await ToolRun.RunAsync("diff", _file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"nexgen: {_file} does not exist; pass the path (or an http(s) URL) of the newer OpenAPI document.", run.Error.Trim());
    }

    [Fact]
    public async Task A_newer_contract_at_a_URL_that_never_ends_is_refused_at_16_MiB_not_read_until_memory_runs_out()
    {
        using var server = new EndlessBodyHandler();

        var run = await ToolRun.RunAsync(server, "diff", "https://portal.example.com/openapi.yaml");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("nexgen: could not download https://portal.example.com/openapi.yaml (", run.LastErrorLine, StringComparison.Ordinal);
        Assert.Contains("16777216", run.LastErrorLine, StringComparison.Ordinal);
        Assert.InRange(server.Served, 16L * 1024 * 1024, 24L * 1024 * 1024);
    }

    [Fact]
    public async Task Another_APIs_document_exits_2_with_one_line_and_no_report()
    {
        await File.WriteAllTextAsync(_file, "openapi: 3.0.3\ninfo: {title: Pet Store, version: '1'}\npaths:\n  /pets:\n    get:\n      operationId: listPets\n      responses:\n        '200': {description: ok}\n");

        var run = await ToolRun.RunAsync("diff", _file);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal("nexgen: The newer contract cannot be compared: it has none of this SDK's operations (operationId) and 'Pet Store': is it the contract of the Dentally NexGen API?", run.Error.Trim());
    }

    public void Dispose() => File.Delete(_file);
}
