using System.CodeDom.Compiler;
using System.Reflection;
using System.Text;
using Dentally.NexGen.Client.Tests.Support;

namespace Dentally.NexGen.Client.Tests.PublicApi;

/// <summary>
/// Pins the public surface of the NSwag-generated code (PublicAPI.*.txt track the hand-written code):
/// a spec or generator change that alters it fails here until GeneratedSurface.approved.txt is updated.
/// </summary>
public sealed class GeneratedSurfaceTests
{
    private static readonly string Approved = Path.Combine(RepoPaths.RepoRoot, "tests", "Dentally.NexGen.Client.Tests", "PublicApi", "GeneratedSurface.approved.txt");

    [Fact]
    public void The_generated_public_surface_matches_the_approved_one()
    {
        var actual = Describe(typeof(NexGenClient).Assembly);
        var expected = File.Exists(Approved) ? File.ReadAllText(Approved).ReplaceLineEndings("\n") : string.Empty;
        if (actual != expected)
        {
            File.WriteAllText(Path.ChangeExtension(Approved, ".received.txt"), actual);
        }

        Assert.True(actual == expected, $"The generated public surface changed. Review {Path.ChangeExtension(Approved, ".received.txt")} and, if intended, copy it over {Approved}.");
    }

    private static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().Where(t => t.GetCustomAttribute<GeneratedCodeAttribute>() is not null))
        {
            lines.Add($"{Kind(type)} {type.FullName}{(type.BaseType is { } b && b != typeof(object) && !type.IsEnum && !type.IsValueType ? " : " + b.Name : string.Empty)}");
            const BindingFlags flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(flags).Where(m => m is not MethodInfo { IsSpecialName: true }))
            {
                lines.Add($"{type.FullName}::{Member(member)}");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }

    private static string Kind(Type type) => type.IsInterface ? "interface" : type.IsEnum ? "enum" : type.IsValueType ? "struct" : "class";

    private static string Member(MemberInfo member) => member switch
    {
        MethodInfo m => $"{Name(m.ReturnType)} {m.Name}({string.Join(", ", m.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name + (p.HasDefaultValue ? " = default" : string.Empty)))})",
        ConstructorInfo c => $".ctor({string.Join(", ", c.GetParameters().Select(p => Name(p.ParameterType) + " " + p.Name))})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.CanRead ? "get; " : string.Empty)}{(p.SetMethod?.IsPublic == true ? "set; " : string.Empty)}}} [{string.Join(",", p.GetCustomAttributesData().Where(a => a.AttributeType.Name == "JsonPropertyAttribute").Select(a => a.ConstructorArguments.FirstOrDefault().Value))}]",
        FieldInfo f => $"{Name(f.FieldType)} {f.Name}",
        _ => member.ToString()!,
    };

    private static string Name(Type type)
        => type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Name))}>"
            : type.Name;
}
