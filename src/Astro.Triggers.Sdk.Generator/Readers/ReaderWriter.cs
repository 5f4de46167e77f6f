using System.Text;

namespace Astro.Triggers.Sdk.Generator.Readers;

/// <summary>Writes {Service}Readers: a straight-line <c>Utf8JsonReader</c> reader per response model (one non-generic
/// method per model type, enum and list type) and a <c>ModelReader&lt;T&gt;</c> per response root for ResponseReader.</summary>
/// <remarks>A reader takes only the plain case, where what it reads is what System.Text.Json's metadata reads: each value
/// through the same rule (WireRead), every property at most once, every required one present, names exactly as declared.
/// Anything else — a lenient value that would be reported, an unknown enum name, a missing or unknown discriminator, a
/// name that differs only in case, a null where the model has no null — declines, and ResponseReader reads the same bytes
/// with the metadata, which then decides the value, the warnings and the exception (issue 30).</remarks>
internal sealed partial class ReaderWriter(string service, ModelCatalog catalog, IEnumerable<string> roots)
{
    private const string Wire = "global::Astro.Triggers.Sdk.Core.Json.WireRead";
    private const string Json = "global::System.Text.Json";

    private readonly StringBuilder _sb = new();
    private readonly Dictionary<string, bool> _supported = [];
    private readonly SortedSet<string> _classes = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _enums = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _lists = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, string> _maps = new(StringComparer.Ordinal);

    /// <summary>The response roots that get a reader (the others keep the metadata path).</summary>
    public IReadOnlyList<string> Roots { get; } = [.. roots.Distinct().Where(r => r.Length > 0)];

    public IReadOnlySet<string> ReadableRoots => _readable ??= Roots.Where(r => IsRootReadable(r)).ToHashSet();

    private HashSet<string>? _readable;

    public string Write()
    {
        if (ReadableRoots.Count == 0)
        {
            return string.Empty;
        }

        Line(string.Empty);
        Line($"    /// <summary>Straight-line readers of the {service} response models (ModelReader): the plain case here, anything else");
        Line($"    /// through {service}JsonContext's metadata, from the same bytes.</summary>");
        Line("    [global::System.CodeDom.Compiler.GeneratedCode(\"Astro.Triggers.Sdk.Generator\", \"1.0\")]");
        Line($"    internal static class {service}Readers");
        Line("    {");
        foreach (var root in Roots.Where(ReadableRoots.Contains))
        {
            Line($"        public static readonly global::Astro.Triggers.Sdk.Core.Json.ModelReader<{root}> {root}Reader = new(TryRead{root},");
            Line($"            static () => global::Astro.Triggers.Sdk.Core.Json.LenientReading.TypeInfo<{root}>({service}JsonContext.ReadOptions));");
            Line(string.Empty);
        }

        foreach (var name in _classes)
        {
            var model = catalog.Classes[name];
            if (model.Discriminator is not null)
            {
                WriteUnion(model);
            }
            else
            {
                WriteClass(model, caseOf: model.Base is { } b && catalog.Classes[b].Discriminator is { } d ? d : null);
            }
        }

        foreach (var name in _enums)
        {
            WriteEnum(catalog.Enums[name]);
        }

        foreach (var (method, element) in _lists)
        {
            WriteList(method, element);
        }

        foreach (var (method, value) in _maps)
        {
            WriteMap(method, value);
        }

        Line("    }");
        return _sb.ToString();
    }

    private bool IsRootReadable(string root) =>
        catalog.Classes.TryGetValue(root, out var model) && !IsUnionCase(model) && IsSupported(root);

    /// <summary>Whether every type reachable from <paramref name="type"/> has a reader; collects what to write.</summary>
    private bool IsSupported(string type)
    {
        if (_supported.TryGetValue(type, out var known))
        {
            return known;
        }

        // A cycle is supported while it is being looked at; it fails later if any member does not.
        _supported[type] = true;
        var result = Check(type);
        _supported[type] = result;
        return result;
    }

    private bool Check(string type)
    {
        type = type.TrimEnd('?');
        if (Scalar(type) is not null)
        {
            return true;
        }

        if (catalog.Enums.ContainsKey(type))
        {
            _enums.Add(type);
            return true;
        }

        if (ListElement(type) is { } element)
        {
            if (!IsSupported(element))
            {
                return false;
            }

            _lists[ListMethod(element)] = element;
            return true;
        }

        if (MapElement(type) is { } value)
        {
            if (!IsSupported(value))
            {
                return false;
            }

            _maps[MapMethod(value)] = value;
            return true;
        }

        if (!catalog.Classes.TryGetValue(type, out var model) || !model.Plain)
        {
            return false;
        }

        if (model.Discriminator is not null)
        {
            if (model.Properties.Count > 0 || model.Base is not null || model.Cases.Count == 0
                || !model.Cases.All(c => catalog.Classes.TryGetValue(c.Type, out var k) && k.Base == model.Name && IsSupportedCase(k)))
            {
                return false;
            }

            _classes.Add(type);
            return true;
        }

        // A case read on its own would keep the discriminator as an unknown property: only its union reads it.
        if (IsUnionCase(model) || model.Base is not null)
        {
            return false;
        }

        if (!model.Properties.All(p => IsSupported(p.Type)))
        {
            return false;
        }

        _classes.Add(type);
        return true;
    }

    private bool IsSupportedCase(ModelClass model)
    {
        if (!model.Plain || model.Discriminator is not null || !model.Properties.All(p => IsSupported(p.Type)))
        {
            return false;
        }

        _classes.Add(model.Name);
        return true;
    }

    private bool IsUnionCase(ModelClass model) =>
        model.Base is { } b && catalog.Classes.TryGetValue(b, out var union) && union.Discriminator is not null;

    private void Line(string text) => _sb.Append(text).Append('\n');

    // The rest: ReaderWriter.Members.cs (what each method says).
}
