using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace Sharpless.TestKit;

/// <summary>
/// Walks the values a generator's named steps output, looking for Roslyn objects. A symbol, syntax node or
/// compilation in a pipeline model never compares equal across compilations (so nothing downstream is cached)
/// and keeps whole old compilations alive in the IDE.
/// </summary>
internal static class PipelineObjectWalker
{
    private const int MaxDepth = 12;
    private const int MaxObjects = 20_000;

    private static readonly Type[] Forbidden = [typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SemanticModel), typeof(SyntaxTree)];

    public static IEnumerable<string> FindForbiddenObjects(GeneratorDriverRunResult result)
    {
        foreach (var generator in result.Results)
        {
            var generatorName = generator.Generator.GetGeneratorType().Name;
            // Output steps are left out: the diagnostics they carry legitimately hold locations (and so syntax trees).
            foreach (var (stepName, steps) in IncrementalCacheVerifier.UserSteps(generator))
            {
                for (var stepIndex = 0; stepIndex < steps.Length; stepIndex++)
                {
                    var outputs = steps[stepIndex].Outputs;
                    for (var outputIndex = 0; outputIndex < outputs.Length; outputIndex++)
                    {
                        foreach (var finding in Find(outputs[outputIndex].Value))
                        {
                            yield return $"{generatorName} step '{stepName}' output {outputIndex} holds {finding}: keep only equatable data (strings, records, equatable arrays) in pipeline outputs.";
                        }
                    }
                }
            }
        }
    }

    internal static List<string> Find(object? root)
    {
        var findings = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        Visit(root, "value", 0, visited, findings);
        return findings;
    }

    private static void Visit(object? value, string path, int depth, HashSet<object> visited, List<string> findings)
    {
        if (value is null || depth > MaxDepth || visited.Count > MaxObjects || IsLeaf(value.GetType()))
        {
            return;
        }

        if (!value.GetType().IsValueType && !visited.Add(value))
        {
            return;
        }

        if (Forbidden.FirstOrDefault(t => t.IsInstanceOfType(value)) is { } forbidden)
        {
            findings.Add($"a Roslyn {forbidden.Name} ({value.GetType().Name}) at {path}");
            return;
        }

        if (value is IEnumerable sequence)
        {
            VisitItems(sequence, path, depth, visited, findings);
            return;
        }

        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                Visit(field.GetValue(value), path + "." + FieldName(field), depth + 1, visited, findings);
            }
        }
    }

    private static void VisitItems(IEnumerable sequence, string path, int depth, HashSet<object> visited, List<string> findings)
    {
        var index = 0;
        try
        {
            foreach (var item in sequence)
            {
                Visit(item, $"{path}[{index++}]", depth + 1, visited, findings);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or NotSupportedException)
        {
            // A default ImmutableArray or a one-shot enumerable: nothing more to see.
        }
    }

    // Types that cannot reach a Roslyn object, or whose internals (reflection, delegates) are not model data.
    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type.IsPointer
        || type == typeof(string) || type == typeof(decimal) || type == typeof(DateTime) || type == typeof(DateTimeOffset)
        || type == typeof(TimeSpan) || type == typeof(Guid)
        || typeof(Type).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Delegate).IsAssignableFrom(type);

    // Auto-property backing fields read as the property name.
    private static string FieldName(FieldInfo field) =>
        field.IsDefined(typeof(CompilerGeneratedAttribute)) && field.Name.StartsWith('<') && field.Name.IndexOf('>') is > 1 and var end
            ? field.Name[1..end]
            : field.Name;
}
