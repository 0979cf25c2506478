using System.CodeDom.Compiler;
using System.Reflection;
using Dentally.NexGen.Client.Testing;

namespace Dentally.NexGen.Client.Tests.Substitution;

/// <summary>
/// The hand-written public surface keeps one substitutability style (the Azure SDK's): a class that
/// does work (calls the API, books, caches) is unsealed, has a protected parameterless constructor
/// for test doubles and only virtual public instance members; every other public class a caller
/// receives can be built by a test (public constructor or <see cref="NexGenModelFactory"/>); every
/// public async method ends with a <see cref="CancellationToken"/>; no Newtonsoft.Json type appears
/// in a hand-written signature. Generated code (NSwag's, marked <see cref="GeneratedCodeAttribute"/>) is exempt.
/// </summary>
public sealed class ConventionTests
{
    // Hooks whose whole point is Newtonsoft.Json (a fixed choice): configuring a serializer for the generated models.
    private static readonly HashSet<string> NewtonsoftByDesign = ["NexGenJsonSettings.Apply"];

    public static TheoryData<string> Assemblies => new() { "Dentally.NexGen.Client", "Dentally.NexGen.Client.Testing" };

    [Fact]
    public void Classes_that_do_work_are_substitutable()
    {
        var services = HandWritten(typeof(NexGenClient).Assembly).Where(IsService).ToList();

        Assert.Contains(typeof(NexGenClient), services);
        Assert.Contains(typeof(BookingWorkflow), services);
        Assert.Contains(typeof(AppointmentsOperations), services);
        Assert.Contains(typeof(NexGenRawClients), services);
        var problems = services.SelectMany(ServiceProblems).ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Every_result_and_exception_a_caller_receives_can_be_built_by_a_test()
    {
        var factoryMade = typeof(NexGenModelFactory).GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => m.ReturnType).ToHashSet();
        var unbuildable = HandWritten(typeof(NexGenClient).Assembly)
            .Where(t => t.IsClass && !t.IsAbstract && !(t.IsAbstract && t.IsSealed) && !IsService(t))
            .Where(t => t.GetConstructors().Length == 0 && !factoryMade.Contains(t))
            .Select(t => t.FullName)
            .ToList();

        Assert.True(unbuildable.Count == 0, "No public constructor and no NexGenModelFactory method: " + string.Join(", ", unbuildable));
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void Every_public_async_method_ends_with_a_CancellationToken(string assembly)
    {
        var missing = HandWritten(Assembly.Load(assembly))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => IsAsync(m.ReturnType) && !m.IsSpecialName && !ImplementsInterface(m))
            .Where(m => m.GetParameters() is var p && (p.Length == 0 || p[^1].ParameterType != typeof(CancellationToken)))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.True(missing.Count == 0, "Without a trailing CancellationToken: " + string.Join(", ", missing));
    }

    [Theory]
    [MemberData(nameof(Assemblies))]
    public void No_Newtonsoft_Json_type_appears_in_a_hand_written_signature(string assembly)
    {
        var leaks = new List<string>();
        foreach (var type in HandWritten(Assembly.Load(assembly)))
        {
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var types = member switch
                {
                    MethodBase m => m.GetParameters().Select(p => p.ParameterType).Concat(m is MethodInfo mi ? [mi.ReturnType] : []),
                    PropertyInfo p => [p.PropertyType],
                    FieldInfo f => [f.FieldType],
                    EventInfo e => [e.EventHandlerType!],
                    _ => [],
                };
                if (!NewtonsoftByDesign.Contains($"{type.Name}.{member.Name}") && types.SelectMany(Flatten).Any(t => t.Namespace?.StartsWith("Newtonsoft", StringComparison.Ordinal) == true))
                {
                    leaks.Add($"{type.Name}.{member.Name}");
                }
            }
        }

        Assert.True(leaks.Count == 0, "Newtonsoft.Json in: " + string.Join(", ", leaks));
    }

    [Fact]
    public void The_convention_check_itself_catches_a_sealed_service_a_non_virtual_member_and_a_missing_token()
    {
        Assert.NotEmpty(ServiceProblems(typeof(SealedService)));
        Assert.NotEmpty(ServiceProblems(typeof(NonVirtualService)));
        Assert.Empty(ServiceProblems(typeof(GoodService)));
        Assert.True(IsService(typeof(SealedService)));
        Assert.False(IsService(typeof(BookingRequest)));
    }

    private static IEnumerable<Type> HandWritten(Assembly assembly)
        => assembly.GetExportedTypes().Where(t => t.GetCustomAttribute<GeneratedCodeAttribute>() is null && !t.IsInterface && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t));

    /// <summary>A class that does work: it has an async method, or hands out such classes or the generated clients.</summary>
    private static bool IsService(Type type)
        => type.IsClass && !(type.IsAbstract && type.IsSealed) && !typeof(Exception).IsAssignableFrom(type)
            && type != typeof(NexGenSandbox)
            && (type.GetMethods(BindingFlags.Public | BindingFlags.Instance).Any(m => IsAsync(m.ReturnType))
                || type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Any(p => p.PropertyType.Name.EndsWith("Client", StringComparison.Ordinal) || p.PropertyType.Name.EndsWith("Operations", StringComparison.Ordinal)));

    private static IEnumerable<string> ServiceProblems(Type type)
    {
        if (type.IsSealed)
        {
            yield return type.Name + " is sealed";
        }

        if (type.GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not { IsFamily: true }
            && type.GetConstructor(Type.EmptyTypes) is null)
        {
            yield return type.Name + " has no protected parameterless constructor";
        }

        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
        {
            if (!method.IsVirtual || method.IsFinal)
            {
                yield return $"{type.Name}.{method.Name} is not virtual";
            }
        }
    }

    /// <summary>Interface members (such as <see cref="IAsyncDisposable.DisposeAsync"/>) keep the interface's signature.</summary>
    private static bool ImplementsInterface(MethodInfo method)
        => method.DeclaringType!.GetInterfaces().Any(i => method.DeclaringType.GetInterfaceMap(i).TargetMethods.Contains(method));

    private static bool IsAsync(Type type)
        => type == typeof(Task) || type == typeof(ValueTask)
            || (type.IsGenericType && type.GetGenericTypeDefinition() is var d && (d == typeof(Task<>) || d == typeof(ValueTask<>) || d == typeof(IAsyncEnumerable<>)));

    private static IEnumerable<Type> Flatten(Type type)
    {
        yield return type;
        var inner = type.HasElementType ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes;
        foreach (var t in inner.SelectMany(Flatten))
        {
            yield return t;
        }
    }

    public sealed class SealedService
    {
        public Task RunAsync(CancellationToken cancellationToken) => Task.FromResult(GetHashCode());
    }

    public class NonVirtualService
    {
        protected NonVirtualService()
        {
        }

        public Task RunAsync(CancellationToken cancellationToken) => Task.FromResult(GetHashCode());
    }

    public class GoodService
    {
        protected GoodService()
        {
        }

        public virtual Task RunAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
