using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Samples.Sandbox;

/// <summary>What a newcomer needs to use the running sandbox: where it is, as whom, and commands to paste.</summary>
internal static class SandboxBanner
{
    /// <summary>The idempotency key the printed booking command carries, so running it twice shows the booking found, not made again.</summary>
    public const string ExampleKey = "sandbox-booking-1";

    public static void Write(NexGenSandbox sandbox, IReadOnlyList<NexGenSandboxTenant> extra, TextWriter output)
    {
        var baseAddress = sandbox.BaseAddress.ToString().TrimEnd('/');
        output.WriteLine($"NexGen sandbox listening at {baseAddress} until stopped (Ctrl+C). Its data lives as long as it runs.");
        output.WriteLine();
        output.WriteLine($"  Base address   {baseAddress}");
        output.WriteLine($"  Token          {sandbox.Token}   (the sandbox's own test token)");
        output.WriteLine($"  Organisation   {sandbox.OrganizationId}");
        output.WriteLine($"  Practice       {sandbox.PracticeId}");
        output.WriteLine($"  Data           the booking guide's: patient Jane Smith, type NPE, Main Street Dental ({SandboxSeed.MainStreetDental}), Michael Chen");
        foreach (var tenant in extra)
        {
            output.WriteLine($"  Also serving   organisation {tenant.OrganizationId}, practice {tenant.PracticeId}, token {tenant.Token} (Main Street Dental is {tenant.Seed.MainStreetDental} there)");
        }

        output.WriteLine();
        output.WriteLine("Book against it (run it twice: the second run finds the booking its key already made):");
        output.WriteLine("  " + BookingCommand(baseAddress, sandbox.DefaultTenant, location: null));
        foreach (var tenant in extra)
        {
            output.WriteLine("  " + BookingCommand(baseAddress, tenant, tenant.Seed.MainStreetDental));
        }

        output.WriteLine();
        output.WriteLine("Or with curl:");
        output.WriteLine($"  curl -H \"Authorization: Bearer {sandbox.Token}\" -H \"X-Practice-Id: {sandbox.PracticeId}\" {baseAddress}/api/v1/{sandbox.OrganizationId}/appointment-types");
        output.WriteLine();
        output.WriteLine("The README's dependency-injection quick start (samples/QuickStart) reads the same values from environment variables:");
        output.WriteLine($"  NexGen__BaseAddress={baseAddress} NexGen__OrganizationId={sandbox.OrganizationId} NexGen__PracticeId={sandbox.PracticeId} NexGen__Token={sandbox.Token} dotnet run --project samples/QuickStart");
    }

    /// <summary>The BookAppointment command line that books as <paramref name="tenant"/> at this sandbox.</summary>
    public static string BookingCommand(string baseAddress, NexGenSandboxTenant tenant, Guid? location)
        => $"dotnet run --project samples/BookAppointment -- --base-url {baseAddress} --token {tenant.Token} --org {tenant.OrganizationId} --practice {tenant.PracticeId}"
           + (location is { } site ? $" --location {site}" : string.Empty)
           + $" --idempotency-key {ExampleKey}";
}
