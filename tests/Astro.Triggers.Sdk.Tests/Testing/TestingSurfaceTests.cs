using System.Reflection;
using System.Text.RegularExpressions;
using Astro.Triggers.Sdk.Testing.Agentset;
using Astro.Triggers.Sdk.Testing.Astropod;
using Astro.Triggers.Sdk.Testing.Core;
using Astro.Triggers.Sdk.Testing.Mixpeek;
using Astro.Triggers.Sdk.Testing.Shipyard;
using Astro.Triggers.Sdk.Testing.TrueFoundry;

namespace Astro.Triggers.Sdk.Tests.Testing;

/// <summary>The Testing package's public surface: its own types only, and operationIds that are the specs'.</summary>
public sealed partial class TestingSurfaceTests
{
    private const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    [Fact]
    public void No_public_signature_of_the_package_mentions_a_WireMock_type()
    {
        var leaks = new List<string>();
        foreach (var type in typeof(FakeService).Assembly.GetExportedTypes())
        {
            Check(type.FullName!, type.BaseType);
            foreach (var contract in type.GetInterfaces())
            {
                Check(type.FullName!, contract);
            }

            foreach (var member in type.GetMembers(Visible).Where(IsVisible))
            {
                var name = $"{type.FullName}.{member.Name}";
                switch (member)
                {
                    case PropertyInfo p:
                        Check(name, p.PropertyType);
                        break;
                    case FieldInfo f:
                        Check(name, f.FieldType);
                        break;
                    case EventInfo e:
                        Check(name, e.EventHandlerType);
                        break;
                    case MethodBase m:
                        Check(name, (m as MethodInfo)?.ReturnType);
                        foreach (var parameter in m.GetParameters())
                        {
                            Check(name, parameter.ParameterType);
                        }

                        break;
                }
            }
        }

        leaks.Should().BeEmpty();

        void Check(string where, Type? type)
        {
            if (type is null)
            {
                return;
            }

            if (type.Assembly.GetName().Name!.StartsWith("WireMock", StringComparison.Ordinal))
            {
                leaks.Add($"{where}: {type.FullName}");
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                Check(where, argument);
            }

            Check(where, type.HasElementType ? type.GetElementType() : null);
        }
    }

    [Fact]
    public async Task Each_fake_serves_exactly_the_operation_ids_of_its_spec()
    {
        await using var agentset = AgentsetFake.Start();
        await using var astropod = AstropodFake.Start();
        await using var truefoundry = TrueFoundryFake.Start();
        await using var shipyard = ShipyardFake.Start();
        await using var mixpeek = MixpeekFake.Start();
        foreach (var (spec, fake) in new (string, FakeService)[]
            { ("agentset", agentset), ("astropod", astropod), ("truefoundry", truefoundry), ("shipyard", shipyard), ("mixpeek", mixpeek) })
        {
            var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "openapi", spec + ".yaml"));
            var specIds = OperationId().Matches(text).Select(m => m.Groups[1].Value);
            fake.Faults.OperationIds.Should().BeEquivalentTo(specIds, spec);
        }
    }

    private static bool IsVisible(MemberInfo member) => member switch
    {
        MethodBase m => m.IsPublic || m.IsFamily || m.IsFamilyOrAssembly,
        FieldInfo f => f.IsPublic || f.IsFamily || f.IsFamilyOrAssembly,
        PropertyInfo p => p.GetAccessors(nonPublic: true).Any(a => a.IsPublic || a.IsFamily || a.IsFamilyOrAssembly),
        EventInfo e => e.AddMethod is { } add && (add.IsPublic || add.IsFamily || add.IsFamilyOrAssembly),
        _ => false,
    };

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, "openapi")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("openapi/ not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"operationId:\s*([A-Za-z0-9_]+)")]
    private static partial Regex OperationId();
}
