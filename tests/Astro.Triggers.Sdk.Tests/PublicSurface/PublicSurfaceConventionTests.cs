using System.Reflection;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Astro.Triggers.Sdk.Agentset;
using Astro.Triggers.Sdk.Testing.Core;

namespace Astro.Triggers.Sdk.Tests.PublicSurface;

/// <summary>Conventions of the public surface, checked by reflection over the shipped assemblies (the SDK and the
/// Testing package), as Stripe's Wholesome tests do: each failure lists every offender, so a fix sees them all.</summary>
public sealed class PublicSurfaceConventionTests
{
    private static readonly Assembly[] Shipped = [typeof(AgentsetClient).Assembly, typeof(FakeService).Assembly];

    public static TheoryData<string> AssemblyNames => new(Shipped.Select(a => a.GetName().Name!));

    [Fact]
    public void No_two_public_types_share_a_simple_name()
    {
        // Arity counts (TriggeredRun and TriggeredRun<T> never clash); nested types are reached through their parent.
        var clashes = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => !t.IsNested)
            .GroupBy(t => t.Name)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => t.FullName))}");

        clashes.Should().BeEmpty("a user importing several of the SDK's namespaces would get CS0104");
    }

    [Fact]
    public void No_public_type_lives_in_a_Generated_namespace()
    {
        var leaked = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.Namespace is { } ns && (ns.EndsWith(".Generated", StringComparison.Ordinal) || ns.Contains(".Generated.", StringComparison.Ordinal)))
            .Select(t => t.FullName);

        leaked.Should().BeEmpty("generated code is internal; what users see is declared on purpose");
    }

    [Fact]
    public void Every_member_of_a_client_can_be_substituted()
    {
        var clients = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => t.IsClass && !t.IsAbstract && t.Name.EndsWith("Client", StringComparison.Ordinal))
            .ToList();
        var offenders = new List<string>();
        foreach (var client in clients)
        {
            if (client.IsSealed)
            {
                offenders.Add($"{client.FullName} is sealed");
            }

            if (!client.GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
                    .Any(c => c.GetParameters().Length == 0 && (c.IsFamily || c.IsFamilyOrAssembly || c.IsPublic)))
            {
                offenders.Add($"{client.FullName} has no protected parameterless constructor");
            }

            foreach (var method in VisibleMethods(client).Where(m => m.Name is not ("ToString" or "Dispose")))
            {
                if (!method.IsVirtual || method.IsFinal)
                {
                    offenders.Add($"{client.FullName}.{method.Name} is not virtual");
                }
            }
        }

        clients.Select(c => c.Name).Should().Contain(
            ["AgentsetClient", "IngestJobsClient", "AstropodClient", "IngestionsClient", "DeploymentsClient", "TrueFoundryClient", "JobRunsClient",
             "ShipyardClient", "FleetRunsClient", "MixpeekClient", "TriggersClient", "ExecutionsClient"]);
        offenders.Should().BeEmpty("users substitute clients and sub-clients in their own tests (NSubstitute, Moq)");
    }

    [Fact]
    public void Every_public_async_method_takes_a_cancellation_token_last()
    {
        var offenders = Shipped.SelectMany(a => a.GetExportedTypes())
            .Where(t => !typeof(Delegate).IsAssignableFrom(t))
            .SelectMany(t => VisibleMethods(t).Where(m => !m.IsSpecialName || m.Name.StartsWith("get_", StringComparison.Ordinal)))
            .Where(m => IsAsync(m.ReturnType) && !(m.Name == nameof(IAsyncDisposable.DisposeAsync) && m.GetParameters().Length == 0))
            // A static factory of a pageable (AsyncPageable<T>.FromPages) builds a list in memory; it fetches nothing.
            .Where(m => !(m.IsStatic && IsPageable(m.ReturnType)))
            .Where(m => m.GetParameters() is not [.., var last] || last.ParameterType != typeof(CancellationToken))
            .Select(m => $"{m.DeclaringType!.FullName}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})");

        offenders.Should().BeEmpty("every call that does I/O can be cancelled, and the token is where users look for it");
    }

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void Every_public_type_and_member_has_an_xml_doc_comment(string assemblyName)
    {
        var assembly = Shipped.Single(a => a.GetName().Name == assemblyName);
        var xml = Path.ChangeExtension(assembly.Location, ".xml");
        File.Exists(xml).Should().BeTrue($"the build writes {Path.GetFileName(xml)} beside the assembly (GenerateDocumentationFile)");
        var documented = XDocument.Load(xml).Descendants("member")
            .Where(m => m.Elements().Any())
            .Select(m => (string)m.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var members = assembly.GetExportedTypes()
            .SelectMany(t => new MemberInfo[] { t }.Concat(DocumentableMembers(t)))
            .ToDictionary(DocId.Of, m => m, StringComparer.Ordinal);
        var undocumented = members.Keys.Where(id => !documented.Contains(id)).ToHashSet(StringComparer.Ordinal);

        // Generated models take their docs from the specs, and NSwag writes none where a spec has no description
        // (a $ref property, an enum member). Those known gaps are listed in UndocumentedGeneratedMembers.txt until the
        // specs or the generator fill them: the list only shrinks, and it cannot excuse hand-written code.
        var known = KnownGeneratedGaps(assemblyName);
        var newGaps = undocumented.Except(known).Order(StringComparer.Ordinal);
        var filled = known.Except(undocumented).Order(StringComparer.Ordinal);
        var notGenerated = known.Where(id => !members.TryGetValue(id, out var member) || !IsGenerated(member)).Order(StringComparer.Ordinal);

        // One id a line, all of them: FluentAssertions cuts a collection at 32 items.
        string.Join(Environment.NewLine, newGaps).Should().BeEmpty("the package ships its XML docs and every public member is documented");
        string.Join(Environment.NewLine, filled).Should().BeEmpty($"these are documented now: remove them from {GapsFile}");
        string.Join(Environment.NewLine, notGenerated).Should().BeEmpty($"{GapsFile} lists only generated members of this assembly");
    }

    private const string GapsFile = "UndocumentedGeneratedMembers.txt";

    private static HashSet<string> KnownGeneratedGaps(string assemblyName, [CallerFilePath] string thisFile = "") =>
        assemblyName != typeof(AgentsetClient).Assembly.GetName().Name
            ? []
            : File.ReadLines(Path.Combine(Path.GetDirectoryName(thisFile)!, GapsFile))
                .Select(line => line.Trim())
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .ToHashSet(StringComparer.Ordinal);

    private static bool IsGenerated(MemberInfo member) =>
        (member as Type ?? member.DeclaringType)!.IsDefined(typeof(System.CodeDom.Compiler.GeneratedCodeAttribute), inherit: false);

    private static IEnumerable<MethodInfo> VisibleMethods(Type type) =>
        type.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(m => IsVisible(m, type) && !IsCompilerGenerated(m));

    private static IEnumerable<MemberInfo> DocumentableMembers(Type type)
    {
        if (typeof(Delegate).IsAssignableFrom(type))
        {
            return [];
        }

        var members = type.GetMembers(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly);
        return members.Where(m => m switch
        {
            MethodInfo method => !method.IsSpecialName || method.Name.StartsWith("op_", StringComparison.Ordinal)
                ? IsVisible(method, type) && !IsCompilerGenerated(method)
                : false,
            // A lone parameterless constructor is the compiler's implicit one: there is no source to document and the
            // XML file has no entry for it (an explicit one is held to CS1591 like any member).
            ConstructorInfo ctor => IsVisible(ctor, type) && !ctor.IsStatic
                && !(ctor.GetParameters().Length == 0 && type.GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).Count(c => IsVisible(c, type)) == 1),
            PropertyInfo property => property.GetAccessors(nonPublic: true).Any(a => IsVisible(a, type)) && !IsCompilerGenerated(property),
            FieldInfo field => IsVisible(field, type) && !field.IsSpecialName && !IsCompilerGenerated(field),
            EventInfo e => e.AddMethod is { } add && IsVisible(add, type),
            _ => false,
        });
    }

    private static bool IsVisible(MethodBase method, Type type) =>
        method.IsPublic || (!type.IsSealed && (method.IsFamily || method.IsFamilyOrAssembly));

    private static bool IsVisible(FieldInfo field, Type type) =>
        field.IsPublic || (!type.IsSealed && (field.IsFamily || field.IsFamilyOrAssembly));

    private static bool IsCompilerGenerated(MemberInfo member) => member.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false);

    private static bool IsAsync(Type returnType) =>
        returnType == typeof(Task) || returnType == typeof(ValueTask)
        || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(Task<>) || definition == typeof(ValueTask<>)))
        || IsPageable(returnType);

    private static bool IsPageable(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(AsyncPageable<>))
            {
                return true;
            }
        }

        return false;
    }
}
