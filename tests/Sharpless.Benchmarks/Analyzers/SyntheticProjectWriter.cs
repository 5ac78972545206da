using System.Globalization;
using System.Text;

namespace Sharpless.Benchmarks.Analyzers;

/// <summary>
/// <c>-- --write-project DIR [N | --each N]</c>: writes <see cref="SyntheticLambdaProject"/> with N files (or N functions, N routes and N models) as a real project
/// (<c>DIR/Synthetic.csproj</c> and the sources), for <c>eng/measure-analyzer-overhead.sh</c> to build with
/// <c>dotnet build</c>. The project references the Sharpless package (version <c>$(SharplessVersion)</c>) and
/// AWSSDK.DynamoDBv2; <c>-p:WithoutSharplessAnalyzers=true</c> takes Sharpless's analyzer assemblies (its analyzers
/// and generators) out of the compilation and keeps its library, which the sources need for the attributes;
/// <c>-p:SharplessAnalyzersOff=true</c> adds a global config that sets every diagnostic of every Sharpless analyzer
/// to <c>none</c>: the compiler skips an analyzer all of whose diagnostics are suppressed, so the Sharpless analyzers
/// do not run while its generators (and every other analyzer) still do.
/// </summary>
public static class SyntheticProjectWriter
{
    public const string ProjectFileName = "Synthetic.csproj";

    public const string AnalyzersOffConfigFileName = "SharplessAnalyzersOff.globalconfig";

    public static void Write(string directory, SyntheticProjectOptions options)
    {
        var project = SyntheticLambdaProject.Generate(options);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var file in project)
        {
            var path = Path.Combine(directory, file.Path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Text, utf8);
        }

        File.WriteAllText(Path.Combine(directory, ProjectFileName), ProjectFile(SyntheticLambdaProject.Describe(project)), utf8);
        File.WriteAllText(Path.Combine(directory, AnalyzersOffConfigFileName), AnalyzersOffConfig(), utf8);
        Console.WriteLine(SyntheticLambdaProject.Describe(project));
        Console.WriteLine("Wrote " + Path.Combine(directory, ProjectFileName));
    }

    private static string AnalyzersOffConfig()
    {
        var ids = SyntheticCompilation.LoadSharplessAnalyzers()
            .SelectMany(a => a.SupportedDiagnostics)
            .Select(d => d.Id)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var text = new StringBuilder();
        text.Append("is_global = true\n");
        text.Append("# Every diagnostic of every Sharpless analyzer (found by reflection) off: the compiler skips those analyzers.\n");
        foreach (var id in ids)
        {
            text.Append("dotnet_diagnostic.").Append(id).Append(".severity = none\n");
        }

        return text.ToString();
    }

    private static string ProjectFile(string shape) => string.Create(CultureInfo.InvariantCulture, $$"""
        <Project Sdk="Microsoft.NET.Sdk">
          <!--
            Synthetic Lambda project ({{shape.Replace("--", "-", StringComparison.Ordinal)}}), written by the write-project mode of tests/Sharpless.Benchmarks in
            the Sharpless repository, for eng/measure-analyzer-overhead.sh. (No double hyphen may appear in this comment.)
          -->
          <PropertyGroup>
            <TargetFramework>net{{Environment.Version.ToString(2)}}</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <LangVersion>latest</LangVersion>
            <AWSProjectType>Lambda</AWSProjectType>
            <GenerateDocumentationFile>false</GenerateDocumentationFile>
            <SharplessVersion Condition="'$(SharplessVersion)' == ''">0.1.0</SharplessVersion>
            <WithoutSharplessAnalyzers Condition="'$(WithoutSharplessAnalyzers)' == ''">false</WithoutSharplessAnalyzers>
          </PropertyGroup>
          <PropertyGroup Condition="'$(WithoutSharplessAnalyzers)' != 'true'">
            <!-- The sources call the generated DynamoDB mappers only when the generators run. -->
            <DefineConstants>$(DefineConstants);{{SyntheticLambdaProject.GeneratedCodeSymbol}}</DefineConstants>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Sharpless" Version="$(SharplessVersion)" />
            <PackageReference Include="AWSSDK.DynamoDBv2" Version="4.0.109.3" />
          </ItemGroup>
          <ItemGroup Condition="'$(SharplessAnalyzersOff)' == 'true'">
            <GlobalAnalyzerConfigFiles Include="{{AnalyzersOffConfigFileName}}" />
          </ItemGroup>
          <!-- The "without Sharpless" point: the same project with Sharpless's analyzer assemblies removed. -->
          <Target Name="RemoveSharplessAnalyzers" BeforeTargets="CoreCompile" Condition="'$(WithoutSharplessAnalyzers)' == 'true'">
            <ItemGroup>
              <Analyzer Remove="@(Analyzer)" Condition="'%(Filename)' == 'Sharpless.Analyzers' or '%(Filename)' == 'Sharpless.CodeFixes'" />
            </ItemGroup>
          </Target>
        </Project>

        """);
}
