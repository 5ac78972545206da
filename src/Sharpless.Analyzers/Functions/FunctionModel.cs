using Sharpless.Common;

namespace Sharpless.Functions
{
    /// <summary>Where a function parameter's value comes from.</summary>
    internal enum ParameterSource
    {
        Payload,
        LambdaContext,
        CancellationToken,
        Service,
    }

    /// <summary>How a payload or result crosses the wire: JSON through System.Text.Json, raw bytes, or a JSON string.</summary>
    internal enum WireFormat
    {
        None,
        Json,
        Stream,
        String,

        /// <summary>Raw bytes as a <c>byte[]</c> (the data of a Kinesis record).</summary>
        Bytes,
    }

    /// <summary>How the user's method completes: synchronously, or through Task / ValueTask.</summary>
    internal enum InvocationKind
    {
        Sync,
        Task,
        ValueTask,
    }

    /// <summary>A type as generated code names it (<c>global::</c>-qualified), with whether null is a valid value.</summary>
    internal sealed record TypeRef(string Name, bool AcceptsNull, bool IsValueType);

    internal sealed record FunctionParameter(ParameterSource Source, TypeRef Type, string Name, WireFormat Format);

    /// <summary>
    /// One <c>[LambdaFunction]</c> method as the reader sees it. <see cref="Deployment"/> is kept apart from the rest
    /// so that changing memory or timeout regenerates only the manifest, never the handler.
    /// </summary>
    internal sealed record FunctionDeclaration(FunctionShape Shape, FunctionDeployment Deployment)
    {
        public string Name => Shape.Name;
    }

    /// <summary>Everything the handler's code depends on that the method itself determines.</summary>
    internal sealed record FunctionShape(
        string Name,
        string Namespace,
        string HandlerTypeName,
        string HandlerString,
        string ContainingType,
        string MethodName,
        string MethodDisplay,
        bool IsStatic,
        EquatableArray<TypeRef> ConstructorServices,
        EquatableArray<FunctionParameter> Parameters,
        InvocationKind Invocation,
        WireFormat ResultFormat,
        TypeRef? ResultType,
        JsonContextModel? ExplicitJsonContext,
        string HintName)
    {
        public bool NeedsContainer => !ConstructorServices.Items.IsEmpty || HasServiceParameters;

        public bool HasServiceParameters
        {
            get
            {
                foreach (var parameter in Parameters)
                {
                    if (parameter.Source == ParameterSource.Service)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        public FunctionParameter? Payload
        {
            get
            {
                foreach (var parameter in Parameters)
                {
                    if (parameter.Source == ParameterSource.Payload)
                    {
                        return parameter;
                    }
                }

                return null;
            }
        }
    }

    /// <summary>
    /// What deployment needs to know (#9 writes it to the template); zero means "leave the default", empty subnet and
    /// security group lists mean no VpcConfig.
    /// </summary>
    internal sealed record FunctionDeployment(
        int MemorySize,
        int Timeout,
        string? Role,
        EquatableArray<string> Policies,
        EquatableArray<string> SubnetIds,
        EquatableArray<string> SecurityGroupIds)
    {
        public bool HasVpcConfig => SubnetIds.Count > 0 || SecurityGroupIds.Count > 0;
    }

    /// <summary>
    /// The handler the emitter writes: the shape plus what the project around it decided — which JSON context (or
    /// reflection) serializes each type, whether ILambdaContext exists, whether a container exists.
    /// </summary>
    internal sealed record FunctionHandlerModel(
        FunctionShape Shape,
        JsonTypeSource? PayloadJson,
        JsonTypeSource? ResultJson,
        bool HasLambdaContext,
        bool HasContainer);

    /// <summary>How one type is serialized: through a source-generated context, or (null context) by reflection.</summary>
    internal sealed record JsonTypeSource(string Type, string? Context)
    {
        public bool IsReflection => Context is null;
    }

    /// <summary>A JsonSerializerContext and every type it can serialize (registered types and what they reach).</summary>
    internal sealed record JsonContextModel(string Type, EquatableArray<string> Types)
    {
        public bool Contains(string type) => System.Collections.Immutable.ImmutableArray.BinarySearch(Types.Items, type, System.StringComparer.Ordinal) >= 0;
    }

    /// <summary>The <c>[LambdaStartup]</c> class that configures the project's one container.</summary>
    internal sealed record StartupModel(string Type, bool IsStaticConfigure, bool IsValid);

    /// <summary>Project-wide facts read once from the compilation.</summary>
    internal sealed record FunctionEnvironment(
        bool HasLambdaContext,
        bool HasRuntimeSupport,
        bool HasContainer,
        bool IsExecutable,
        bool? MainRequested,
        bool HasUserEntryPoint,
        string AssemblyName)
    {
        /// <summary>The environment of a project with no function and no route: nothing is read from its compilation.</summary>
        public static FunctionEnvironment Unused { get; } = new FunctionEnvironment(false, false, false, false, null, false, string.Empty);
    }
}
