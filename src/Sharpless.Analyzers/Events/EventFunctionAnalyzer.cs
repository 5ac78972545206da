using System;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.ColdStart;
using Sharpless.Functions;

namespace Sharpless.Events
{
    /// <summary>
    /// Reports why an <c>[SQSEvent]</c> or <c>[DynamoDBEvent]</c> method gets no handler, or gets one with a trigger AWS
    /// would refuse: it reads the method with the generator's own <see cref="EventFunctionReader"/> and plans it against
    /// the project's JSON contexts and container exactly as the generator does, so the two never disagree.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EventFunctionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            EventRules.SettingOutOfRange,
            EventRules.UnsupportedHandler,
            EventRules.FifoConcurrency,
            FunctionRules.InaccessibleMethod,
            FunctionRules.GenericMethod,
            FunctionRules.UnbindableParameter,
            FunctionRules.AsyncVoid,
            FunctionRules.UnsupportedReturnType,
            FunctionRules.CannotConstruct,
            FunctionRules.DuplicateName,
            FunctionRules.HandlerStringTooLong,
            FunctionRules.NotInJsonContext,
            FunctionRules.NoContainer,
            FunctionRules.InvalidSetting,
            FunctionRules.InvalidName,
            FunctionRules.CancellationNeverSignalled,
            ColdStartRules.ReflectionJson);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                if (start.Compilation.GetTypeByMetadataName(EventSourceAttributes.Sqs) is null)
                {
                    return;
                }

                var project = new Lazy<ProjectFacts>(() => CompilationFacts.Project(start.Compilation, start.CancellationToken), LazyThreadSafetyMode.PublicationOnly);
                start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, project), SymbolKind.Method);
            });
        }

        private static void AnalyzeMethod(SymbolAnalysisContext context, Lazy<ProjectFacts> project)
        {
            var method = (IMethodSymbol)context.Symbol;
            var attribute = method.GetAttributes().FirstOrDefault(a => EventSourceAttributes.KindOf(a.AttributeClass) is not null);
            if (attribute is null || method.ContainingType is not { CanBeReferencedByName: true })
            {
                return;
            }

            var reader = new EventFunctionReader(context.Compilation);
            var function = reader.Read(method, attribute, context.CancellationToken);
            foreach (var problem in reader.Problems)
            {
                context.ReportDiagnostic(Diagnostic.Create(problem.Descriptor, problem.Location, problem.Arguments));
            }

            var facts = project.Value;
            if (function is not null)
            {
                LambdaFunctionAnalyzer.ReportDuplicateName(context, facts, method, function.Name, attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation());
            }

            if (function is null)
            {
                return;
            }

            var shape = function.Shape;
            var methodLocation = method.Locations.FirstOrDefault(l => l.IsInSource);
            if (shape.PassThrough is { } plain)
            {
                // The whole event through the JSON context, and the result back: the checks of a [LambdaFunction].
                if (plain.NeedsContainer && facts.Container is null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(FunctionRules.NoContainer, methodLocation, method.Name, "constructor services or [FromServices] parameters", facts.WhyNoContainer));
                }

                if (plain.Payload is { Format: WireFormat.Json } payload)
                {
                    var parameter = method.Parameters.FirstOrDefault(p => p.Name == payload.Name);
                    LambdaFunctionAnalyzer.ReportJson(context, "Payload", parameter?.Type, plain, parameter?.Locations.FirstOrDefault() ?? methodLocation, facts);
                }

                if (plain.ResultFormat == WireFormat.Json)
                {
                    LambdaFunctionAnalyzer.ReportJson(context, "Result", LambdaFunctionAnalyzer.ResultType(method), plain, LambdaFunctionAnalyzer.ReturnTypeLocation(method, context.CancellationToken) ?? methodLocation, facts);
                }

                return;
            }

            if (shape.NeedsContainer && facts.Container is null)
            {
                context.ReportDiagnostic(Diagnostic.Create(FunctionRules.NoContainer, methodLocation, method.Name, "constructor services or [FromServices] parameters", facts.WhyNoContainer));
            }

            if (shape.BodyFormat == WireFormat.Json && shape.BodyType is { } body)
            {
                var parameter = method.Parameters.FirstOrDefault(p => shape.Parameters.Any(e => e.Source == EventParameterSource.Body && e.Name == p.Name));
                var display = shape.WholeBatch || parameter is null
                    ? body.Name.Replace("global::", string.Empty)
                    : parameter.Type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString();
                var location = parameter?.Locations.FirstOrDefault() ?? methodLocation;
                var resolution = FunctionPlanner.ResolveJson(body.Name, shape.ExplicitJsonContext, facts.JsonContexts);
                if (resolution.Kind == JsonResolutionKind.Missing)
                {
                    context.ReportDiagnostic(Diagnostic.Create(FunctionRules.NotInJsonContext, location, "Message body", display, shape.Name, resolution.Context!.Replace("global::", string.Empty), display));
                }
                else if (resolution.Kind == JsonResolutionKind.Reflection)
                {
                    context.ReportDiagnostic(Diagnostic.Create(ColdStartRules.ReflectionJson, location, "Message body", display, shape.Name, display));
                }
            }
        }
    }
}
