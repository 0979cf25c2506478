namespace Dentally.NexGen.Client.Testing.State;

/// <summary>What a tenant's organisation id, practice id and token must look like, for the options and for <see cref="NexGenSandbox.AddTenant"/>.</summary>
internal static class TenantRules
{
    /// <summary>Non-empty text without surrounding white space.</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">How the message names it, e.g. <c>NexGenSandboxOptions.OrganizationId</c>.</param>
    /// <param name="parameterName">The parameter or property the exception names.</param>
    public static void RequireId(string? value, string name, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() != value)
        {
            throw new ArgumentException($"{name} must be non-empty text without surrounding white space.", parameterName);
        }
    }

    /// <summary>Non-empty text without any white space (it travels in an <c>Authorization</c> header).</summary>
    /// <param name="value">The value.</param>
    /// <param name="name">How the message names it.</param>
    /// <param name="parameterName">The parameter or property the exception names.</param>
    public static void RequireToken(string? value, string name, string parameterName)
    {
        RequireId(value, name, parameterName);
        if (value!.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException($"{name} must not contain white space.", parameterName);
        }
    }
}
