#if NET10_0_OR_GREATER
using System.Collections.Concurrent;
using System.Globalization;
using CsCheck;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.Fuzz;

/// <summary>
/// A spec-driven fuzz test of the sandbox: for every operation of spec/openapi.yaml, generated valid
/// and invalid requests, each answer checked against the spec (<see cref="ResponseCheck"/>). CI runs
/// it with a fixed seed and a bounded number of requests; NEXGEN_FUZZ_SEED (a CsCheck seed, printed
/// on failure) and NEXGEN_FUZZ_ITERATIONS change them, and NEXGEN_FUZZ_BASE_URL points it at any
/// server that implements the contract (<see cref="FuzzTarget"/>).
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class SandboxContractFuzzTests
{
    private static readonly string Seed = Environment.GetEnvironmentVariable("NEXGEN_FUZZ_SEED") ?? new PCG(20260101).ToString();
    private static readonly long Iterations = long.TryParse(Environment.GetEnvironmentVariable("NEXGEN_FUZZ_ITERATIONS"), CultureInfo.InvariantCulture, out var n) ? n : 2000;

    [Fact]
    public async Task Every_answer_to_generated_requests_is_one_the_contract_allows()
    {
        await using var target = await FuzzTarget.StartAsync();
        using var client = new FuzzClient(target.BaseAddress);
        var operations = SpecOperation.All(ContractSpec.Instance);
        var generator = new RequestGenerator(target);
        var sent = new ConcurrentDictionary<string, int>();

        await Gen.OneOf(operations.Select(o => (IGen<FuzzRequest>)generator.For(o)).ToArray()).SampleAsync(
            async request =>
            {
                var response = await client.SendAsync(request);
                sent.AddOrUpdate($"{request.Operation.Id} {(request.IsValid ? "valid" : "invalid")}", 1, (_, count) => count + 1);
                var violations = ResponseCheck.Violations(request, response, validMustSucceed: target.IsSandbox);
                Assert.True(violations.Count == 0, $"{request}{Environment.NewLine}  answered {response}{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", violations)}");
            },
            seed: Seed,
            iter: Iterations,
            threads: 1,
            print: request => request.ToString());

        foreach (var operation in operations)
        {
            Assert.True(sent.ContainsKey(operation.Id + " valid") && sent.ContainsKey(operation.Id + " invalid"), $"{operation.Id} was not exercised with valid and invalid requests");
        }
    }
}
#else
namespace Dentally.NexGen.Client.Tests.Fuzz;

[Trait("Category", "Fuzz")]
public sealed class SandboxContractFuzzTests
{
    [Fact(Skip = "Needs CsCheck 5, which ships for .NET 10 only; the net10.0 build of the tests runs it.")]
    public void Every_answer_to_generated_requests_is_one_the_contract_allows() { }
}
#endif
