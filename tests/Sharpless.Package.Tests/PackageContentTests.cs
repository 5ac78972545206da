using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace Sharpless.Package.Tests;

/// <summary>What is inside the packed Sharpless .nupkg.</summary>
[Collection(PackageCollection.Name)]
[Trait("Category", "Package")]
public sealed class PackageContentTests(PackedPackage package)
{
    static readonly string[] ExpectedFiles =
    [
        "Sharpless.nuspec",
        "lib/netstandard2.0/Sharpless.dll",
        "lib/netstandard2.0/Sharpless.xml",
        "analyzers/dotnet/cs/Sharpless.Analyzers.dll",
        "analyzers/dotnet/cs/Sharpless.CodeFixes.dll",
        "buildTransitive/Sharpless.props",
        "buildTransitive/Sharpless.targets",
        // The template writer the targets run after compile, with its own Roslyn for SourceText.
        "tools/deployment/Sharpless.Deployment.dll",
        "tools/deployment/Sharpless.Deployment.deps.json",
        "tools/deployment/Sharpless.Deployment.runtimeconfig.json",
        "tools/deployment/Microsoft.CodeAnalysis.dll",
    ];

    [Fact]
    public void Package_holds_exactly_the_expected_files()
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var files = zip.Entries
            .Select(e => e.FullName)
            .Where(name => !name.EndsWith('/'))
            .Where(name => !IsOpcPlumbing(name))
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(ExpectedFiles.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void Nuspec_has_the_id_and_no_package_dependencies()
    {
        var nuspec = ReadXml("Sharpless.nuspec");
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");

        Assert.Equal("Sharpless", metadata.Elements().Single(e => e.Name.LocalName == "id").Value);
        Assert.Equal(package.Version, metadata.Elements().Single(e => e.Name.LocalName == "version").Value);

        // The Roslyn components are packed as analyzers; the compiler provides Microsoft.CodeAnalysis and
        // System.Collections.Immutable. A package dependency on them would drag compiler assemblies into every
        // Lambda function that references Sharpless.
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => (string?)e.Attribute("id") ?? "")
            .ToArray();
        Assert.DoesNotContain(dependencies, id => id.StartsWith("Microsoft.CodeAnalysis", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(dependencies, id => id.Equals("System.Collections.Immutable", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(dependencies);
    }

    [Fact]
    public void Props_make_exactly_the_documented_properties_visible_to_analyzers()
    {
        var props = ReadXml("buildTransitive/Sharpless.props");
        var visible = props.Descendants()
            .Where(e => e.Name.LocalName == "CompilerVisibleProperty")
            .Select(e => (string?)e.Attribute("Include") ?? "")
            .Order(StringComparer.Ordinal)
            .ToArray();

        string[] expected = ["AWSProjectType", "IsTestProject", "PublishAot", "PublishReadyToRun", "TieredCompilation", "TieredPGO", "InvariantGlobalization", "OutputType", "SharplessDynamoDBConversion", "SharplessDynamoDBAsciiStrings", "SharplessWriteTemplate", "SharplessTemplateFile", "SharplessItemSizeStrict", "ProjectDir"];
        Assert.Equal(expected.Order(StringComparer.Ordinal), visible);
    }

    [Fact]
    public void Targets_add_the_deployment_files_as_additional_files()
    {
        var targets = ReadXml("buildTransitive/Sharpless.targets").ToString();
        foreach (var file in new[] { "template.yaml", "template.json", "serverless.template", "aws-lambda-tools-defaults.json" })
        {
            Assert.Contains(file, targets, StringComparison.Ordinal);
        }
        Assert.Contains("AdditionalFiles", targets, StringComparison.Ordinal);
    }

    /// <summary>
    /// The analyzer assembly must bind to Microsoft.CodeAnalysis 4.5.0.0: a compiler loads an analyzer only if
    /// its own Microsoft.CodeAnalysis is at least the version the analyzer references. The oldest host we
    /// support is the .NET 8 SDK / Visual Studio 2022 17.8, which carry Roslyn 4.8; an analyzer built against a
    /// newer Roslyn would fail to load there (CS8032) and silently report nothing.
    /// </summary>
    [Fact]
    public void Analyzer_references_Roslyn_4_5_so_it_loads_in_the_dotnet_8_SDK_and_VS_17_8()
    {
        var references = ReadAssemblyReferences("analyzers/dotnet/cs/Sharpless.Analyzers.dll");

        Assert.Equal(new Version(4, 5, 0, 0), Assert.Contains("Microsoft.CodeAnalysis", references));
        // Referenced once the analyzers use C# syntax types; then it must be the same version.
        if (references.TryGetValue("Microsoft.CodeAnalysis.CSharp", out var csharp))
        {
            Assert.Equal(new Version(4, 5, 0, 0), csharp);
        }
        AssertLoadableInRoslyn48(references);
    }

    [Fact]
    public void Code_fixes_reference_no_Roslyn_newer_than_4_8()
    {
        var references = ReadAssemblyReferences("analyzers/dotnet/cs/Sharpless.CodeFixes.dll");

        Assert.Contains("Microsoft.CodeAnalysis", references.Keys);
        AssertLoadableInRoslyn48(references);
    }

    static void AssertLoadableInRoslyn48(IReadOnlyDictionary<string, Version> references)
    {
        foreach (var (name, version) in references.Where(r => r.Key.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)))
        {
            Assert.True(version <= new Version(4, 8, 0, 0), $"{name} {version} is newer than Roslyn 4.8 (.NET 8 SDK / VS 17.8).");
        }
        // Roslyn 4.8 itself runs with System.Collections.Immutable 7.0 in Visual Studio 17.8.
        if (references.TryGetValue("System.Collections.Immutable", out var immutable))
        {
            Assert.True(immutable <= new Version(7, 0, 0, 0), $"System.Collections.Immutable {immutable} is newer than Roslyn 4.8's hosts provide.");
        }
    }

    Dictionary<string, Version> ReadAssemblyReferences(string entryName)
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException($"{entryName} is not in the package.");
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }
        buffer.Position = 0;

        using var pe = new PEReader(buffer);
        var reader = pe.GetMetadataReader();
        return reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .ToDictionary(r => reader.GetString(r.Name), r => r.Version, StringComparer.Ordinal);
    }

    XDocument ReadXml(string entryName)
    {
        using var zip = ZipFile.OpenRead(package.NupkgPath);
        var entry = zip.GetEntry(entryName) ?? throw new InvalidOperationException($"{entryName} is not in the package.");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    static bool IsOpcPlumbing(string name) =>
        name == "[Content_Types].xml"
        || name.StartsWith("_rels/", StringComparison.Ordinal)
        || name.StartsWith("package/", StringComparison.Ordinal);
}
