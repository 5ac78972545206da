using System.Collections.Immutable;

namespace Sharpless.Functions
{
    internal enum JsonResolutionKind
    {
        /// <summary>Serialized through a source-generated context.</summary>
        Context,

        /// <summary>The project has no context: reflection-based System.Text.Json (SLS4001).</summary>
        Reflection,

        /// <summary>The project has contexts but the type is in none that applies (SLS1010).</summary>
        Missing,
    }

    internal readonly struct JsonResolution
    {
        public JsonResolution(JsonResolutionKind kind, string? context)
        {
            Kind = kind;
            Context = context;
        }

        public JsonResolutionKind Kind { get; }

        public string? Context { get; }
    }

    /// <summary>
    /// Decides, for one function, what the project around it provides: which JsonSerializerContext serializes each
    /// type and whether the container exists. The generator and the analyzer both ask here, so a handler is
    /// generated exactly when no error is reported for it.
    /// </summary>
    internal static class FunctionPlanner
    {
        /// <summary>
        /// A context named by [LambdaJsonContext] wins; otherwise the first context (by full name) that can serialize
        /// the type; reflection only when the project has no context at all.
        /// </summary>
        public static JsonResolution ResolveJson(string type, JsonContextModel? explicitContext, ImmutableArray<JsonContextModel> contexts)
        {
            if (explicitContext is not null)
            {
                return new JsonResolution(explicitContext.Contains(type) ? JsonResolutionKind.Context : JsonResolutionKind.Missing, explicitContext.Type);
            }

            if (contexts.IsEmpty)
            {
                return new JsonResolution(JsonResolutionKind.Reflection, null);
            }

            foreach (var context in contexts)
            {
                if (context.Contains(type))
                {
                    return new JsonResolution(JsonResolutionKind.Context, context.Type);
                }
            }

            return new JsonResolution(JsonResolutionKind.Missing, contexts[0].Type);
        }

        /// <summary>The startup that configures the container: the only valid one, or none when there are several.</summary>
        public static StartupModel? ChooseStartup(ImmutableArray<StartupModel> startups) =>
            startups.Length == 1 && startups[0].IsValid ? startups[0] : null;

        /// <summary>The handler to emit, or null when the function cannot work in this project (the analyzer says why).</summary>
        public static FunctionHandlerModel? Plan(FunctionShape shape, ImmutableArray<JsonContextModel> contexts, FunctionEnvironment environment, bool hasContainer)
        {
            if (shape.NeedsContainer && !hasContainer)
            {
                return null;
            }

            JsonTypeSource? payloadJson = null;
            if (shape.Payload is { Format: WireFormat.Json } payload)
            {
                payloadJson = Resolve(payload.Type.Name, shape.ExplicitJsonContext, contexts);
                if (payloadJson is null)
                {
                    return null;
                }
            }

            JsonTypeSource? resultJson = null;
            if (shape.ResultFormat == WireFormat.Json && shape.ResultType is { } resultType)
            {
                resultJson = Resolve(resultType.Name, shape.ExplicitJsonContext, contexts);
                if (resultJson is null)
                {
                    return null;
                }
            }

            return new FunctionHandlerModel(shape, payloadJson, resultJson, environment.HasLambdaContext, hasContainer);
        }

        private static JsonTypeSource? Resolve(string type, JsonContextModel? explicitContext, ImmutableArray<JsonContextModel> contexts)
        {
            var resolution = ResolveJson(type, explicitContext, contexts);
            return resolution.Kind == JsonResolutionKind.Missing ? null : new JsonTypeSource(type, resolution.Context);
        }
    }
}
