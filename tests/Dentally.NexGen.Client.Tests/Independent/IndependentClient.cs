using Dentally.NexGen.Independent;

namespace Dentally.NexGen.Client.Tests.Independent;

/// <summary>Clients of the SDK pointed at an <see cref="IndependentServer"/>, configured as an integrator would.</summary>
internal static class IndependentClient
{
    public static NexGenClientOptions Options(IndependentServer server, string practice = IndependentServer.PracticeA) => new NexGenClientOptions
    {
        BaseAddress = server.BaseAddress,
        OrganizationId = IndependentServer.Org,
        PracticeId = practice,
        Token = IndependentServer.Token,
    }.OnTestClock();

    public static NexGenClient For(IndependentServer server, string practice = IndependentServer.PracticeA) => new(Options(server, practice));
}
