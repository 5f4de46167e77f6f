using Astro.Triggers.Sdk.Generator;

// Usage: Astro.Triggers.Sdk.Generator --out <dir> <spec.yaml>...
// Writes <dir>/<SpecFileName>.g.cs per spec; a bad spec does not stop the others. Errors are printed to stdout
// in MSBuild's canonical "file: error CODE: message" form ("file(line,column): …" where the position is known),
// so Exec fails the build naming the spec and the problem: ATSG001 a rule of ours (SpecRules, SpecException),
// ATSG002 anything else NSwag cannot generate, ATSG003 invalid YAML. Exit code: 0 all generated, 1 a spec
// failed, 2 usage.
string? outDir = null;
var specs = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--out" && i + 1 < args.Length)
    {
        outDir = args[++i];
    }
    else
    {
        specs.Add(args[i]);
    }
}

if (outDir is null || specs.Count == 0)
{
    Console.Error.WriteLine("usage: Astro.Triggers.Sdk.Generator --out <dir> <spec.yaml>...");
    return 2;
}

Directory.CreateDirectory(outDir);
var failed = false;
foreach (var spec in specs)
{
    try
    {
        var code = await SpecGenerator.GenerateAsync(spec).ConfigureAwait(false);
        var target = Path.Combine(outDir, Path.GetFileNameWithoutExtension(spec) + ".g.cs");
        await File.WriteAllTextAsync(target, code).ConfigureAwait(false);
        Console.WriteLine($"generated {target} from {spec}");
    }
    catch (YamlDotNet.Core.YamlException ex)
    {
        Console.WriteLine($"{Path.GetFullPath(spec)}({ex.Start.Line},{ex.Start.Column}): error ATSG003: invalid YAML: {ex.Message.ReplaceLineEndings(" ")}");
        failed = true;
    }
    catch (SpecException ex)
    {
        Console.WriteLine($"{Path.GetFullPath(spec)}: error ATSG001: {ex.Message}");
        failed = true;
    }
    catch (Exception ex)
    {
        // Unresolved $refs and NSwag's own failures land here (YAML syntax errors are ATSG003 above).
        var message = ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})";
        Console.WriteLine($"{Path.GetFullPath(spec)}: error ATSG002: cannot generate code from this OpenAPI document: {message.ReplaceLineEndings(" ")}");
        failed = true;
    }
}

return failed ? 1 : 0;
