using System.Collections.Immutable;
using Sharpless.Functions;

namespace Sharpless.Events
{
    /// <summary>Decides what the project around an event function provides; null when it cannot work (the analyzer says why).</summary>
    internal static class EventPlanner
    {
        public static EventHandlerModel? Plan(EventFunctionShape shape, ImmutableArray<JsonContextModel> contexts, FunctionEnvironment environment, bool hasContainer)
        {
            if (shape.PassThrough is { } function)
            {
                return FunctionPlanner.Plan(function, contexts, environment, hasContainer) is { } plain
                    ? new EventHandlerModel(shape, null, environment.HasLambdaContext, hasContainer) { PassThrough = plain }
                    : null;
            }

            if (shape.NeedsContainer && !hasContainer)
            {
                return null;
            }

            JsonTypeSource? bodyJson = null;
            if (shape.BodyFormat == WireFormat.Json && shape.BodyType is { } body)
            {
                var resolution = FunctionPlanner.ResolveJson(body.Name, shape.ExplicitJsonContext, contexts);
                if (resolution.Kind == JsonResolutionKind.Missing)
                {
                    return null;
                }

                bodyJson = new JsonTypeSource(body.Name, resolution.Context);
            }

            return new EventHandlerModel(shape, bodyJson, environment.HasLambdaContext, hasContainer);
        }
    }
}
