namespace Dentally.NexGen.Client;

/// <summary>Argument checks shared by every target framework (netstandard2.0 has no ThrowIfNull).</summary>
internal static class Guard
{
    public static T NotNull<T>(T? value, string parameterName)
        where T : class
        => value ?? throw new ArgumentNullException(parameterName);
}
