using Microsoft.CodeAnalysis;

namespace Sharpless.TestKit;

/// <summary>
/// Reads a rerun's step tracking: every output must be Cached or Unchanged, or the generator redoes work (and
/// re-emits source) on every keystroke in the IDE.
/// </summary>
public static class IncrementalCacheVerifier
{
    public static IEnumerable<string> FindUncachedOutputs(GeneratorDriverRunResult result, string runName)
    {
        foreach (var generator in result.Results)
        {
            var generatorName = generator.Generator.GetGeneratorType().Name;
            foreach (var (stepName, steps) in UserSteps(generator).Concat(generator.TrackedOutputSteps))
            {
                for (var stepIndex = 0; stepIndex < steps.Length; stepIndex++)
                {
                    var outputs = steps[stepIndex].Outputs;
                    for (var outputIndex = 0; outputIndex < outputs.Length; outputIndex++)
                    {
                        var (value, reason) = outputs[outputIndex];
                        if (reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged))
                        {
                            yield return $"{runName}: {generatorName} step '{stepName}' run {stepIndex} output {outputIndex} is {reason}: {Show(stepName, value)}";
                        }
                    }
                }
            }
        }
    }

    /// <summary>
    /// Named steps, minus the ones the compiler names itself: its input nodes (Compilation, ParseOptions, …) change
    /// on every edit, and the steps inside ForAttributeWithMetadataName carry syntax by design and see every new
    /// file. Neither says anything about the generator.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, System.Collections.Immutable.ImmutableArray<IncrementalGeneratorRunStep>>> UserSteps(GeneratorRunResult generator) =>
        generator.TrackedSteps.Where(p => !IsCompilerInternal(p.Key) && !IsOutput(p.Key));

    private static bool IsOutput(string stepName) =>
        stepName is WellKnownGeneratorOutputs.SourceOutput or WellKnownGeneratorOutputs.ImplementationSourceOutput;

    private static bool IsCompilerInternal(string stepName) =>
        stepName is WellKnownGeneratorInputs.Compilation or "CompilationOptions" or WellKnownGeneratorInputs.ParseOptions
            or WellKnownGeneratorInputs.AdditionalTexts or WellKnownGeneratorInputs.AnalyzerConfigOptions or WellKnownGeneratorInputs.MetadataReferences
        || stepName.EndsWith("_ForAttribute", StringComparison.Ordinal)
        || stepName.EndsWith("_ForAttributeInternal", StringComparison.Ordinal)
        || stepName.EndsWith("_ForAttributeWithMetadataName", StringComparison.Ordinal);

    private static string Show(string stepName, object? value)
    {
        // An output step's value is the generated text and diagnostics; its ToString says nothing useful.
        var text = IsOutput(stepName) ? "(generated sources)" : value?.ToString() ?? "null";
        return text.Length <= 200 ? text : text[..200] + "…";
    }
}
