using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Sharpless.Common;
using Sharpless.Functions;

namespace Sharpless.Events
{
    /// <summary>
    /// Turns an <c>[SQSEvent]</c> or <c>[DynamoDBEvent]</c> method into an <see cref="EventFunctionDeclaration"/>, or
    /// reports why it cannot be one. The generator and EventFunctionAnalyzer both read through here, so a handler is
    /// generated exactly when no blocking error is reported. What a function shares with <c>[LambdaFunction]</c>
    /// (accessibility, construction, return, deployment settings) is checked by <see cref="FunctionReader"/>.
    /// </summary>
    internal sealed class EventFunctionReader
    {
        private readonly Compilation _compilation;
        private readonly FunctionReader _functions;
        private readonly INamedTypeSymbol? _lambdaContext;
        private readonly INamedTypeSymbol? _cancellationToken;
        private readonly INamedTypeSymbol? _fromServices;
        private readonly INamedTypeSymbol? _lambdaFunction;
        private readonly INamedTypeSymbol? _change;
        private readonly INamedTypeSymbol? _table;
        private bool _wholeBatch;

        public EventFunctionReader(Compilation compilation)
        {
            _compilation = compilation;
            _functions = new FunctionReader(compilation);
            _lambdaContext = compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaContext);
            _cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            _fromServices = compilation.GetTypeByMetadataName(FunctionTypeNames.FromServicesAttribute);
            _lambdaFunction = compilation.GetTypeByMetadataName(FunctionTypeNames.LambdaFunctionAttribute);
            _change = compilation.GetTypeByMetadataName(EventSourceAttributes.DynamoDBChange);
            _table = compilation.GetTypeByMetadataName(EventSourceAttributes.DynamoDBTable);
        }

        public List<FunctionProblem> Problems => _functions.Problems;

        public EventFunctionDeclaration? Read(IMethodSymbol method, AttributeData attribute, CancellationToken cancellationToken)
        {
            if (EventSourceAttributes.KindOf(attribute.AttributeClass) is not { } kind || method.ContainingType is null)
            {
                return null;
            }

            var complete = true;
            var errorsBefore = Problems.Count(p => p.BlocksGeneration);
            var methodLocation = method.Locations.FirstOrDefault(l => l.IsInSource);
            var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? methodLocation;
            var functionAttribute = _lambdaFunction is null ? null : method.GetAttributes().FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _lambdaFunction));
            var functionLocation = functionAttribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? attributeLocation;

            var name = functionAttribute is null ? method.Name : FunctionNames.Read(method, functionAttribute);
            if (TakesWholeEvent(method))
            {
                return ReadPassThrough(kind, method, attribute, attributeLocation, functionAttribute, functionLocation, name);
            }

            if (!FunctionReader.IsValidIdentifier(name))
            {
                Problems.Add(new FunctionProblem(FunctionRules.InvalidName, functionLocation, name));
            }

            _functions.CheckAccessibility(method, methodLocation);
            _functions.CheckGeneric(method, methodLocation);
            var trigger = ReadTrigger(kind, attribute, attributeLocation, method.Name, out var maxInBatchConcurrency);
            var (parameters, bodyFormat, bodyType, mapper) = ReadParameters(kind, method, ref complete);
            var (invocation, resultFormat, resultType) = _functions.ReadReturn(method, methodLocation, ref complete);
            if (resultFormat != WireFormat.None)
            {
                Problems.Add(new FunctionProblem(
                    EventRules.UnsupportedHandler,
                    methodLocation,
                    method.Name,
                    KindText(kind),
                    $"it returns '{resultType?.Name.Replace("global::", string.Empty)}'; return void, Task or ValueTask and throw to report the {ItemText(kind)} failed"));
            }

            var constructorServices = method.IsStatic ? EquatableArray<TypeRef>.Empty : _functions.ReadConstruction(method.ContainingType, methodLocation, ref complete);
            var deployment = functionAttribute is null
                ? new FunctionDeployment(0, 0, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty)
                : _functions.ReadDeployment(functionAttribute, functionLocation);

            var ns = FunctionNames.Namespace(method);
            var handlerTypeName = FunctionNames.HandlerType(method, name);
            var handlerString = _compilation.AssemblyName + "::" + (ns.Length == 0 ? string.Empty : ns + ".") + handlerTypeName + "::" + FunctionReader.HandlerMethodName;
            if (handlerString.Length > FunctionRules.MaxHandlerStringLength)
            {
                Problems.Add(new FunctionProblem(FunctionRules.HandlerStringTooLong, functionLocation, handlerString, handlerString.Length));
            }

            if (!complete || trigger is null || Problems.Count(p => p.BlocksGeneration) > errorsBefore)
            {
                return null;
            }

            var shape = new EventFunctionShape(
                kind,
                name,
                ns,
                handlerTypeName,
                handlerString,
                TypeNames.Of(method.ContainingType),
                method.Name,
                method.ContainingType.ToDisplayString() + "." + method.Name,
                method.IsStatic,
                constructorServices,
                parameters,
                invocation,
                bodyFormat,
                bodyType,
                mapper,
                maxInBatchConcurrency,
                _functions.ReadExplicitJsonContext(method.ContainingType),
                (ns.Length == 0 ? string.Empty : ns + ".") + handlerTypeName + ".g.cs")
            {
                WholeBatch = _wholeBatch,
            };
            return new EventFunctionDeclaration(shape, deployment, trigger);
        }

        /// <summary>
        /// A method written for AWS's Annotations framework (<c>[SQSEvent] Handle(SQSEvent evnt)</c>): a parameter of an
        /// <c>Amazon.Lambda.*Events</c> event type is the whole event, not one message's body.
        /// </summary>
        public static bool TakesWholeEvent(IMethodSymbol method)
        {
            var events = new Common.LambdaEventTypes();
            return method.Parameters.Any(p => events.IsEventType(p.Type));
        }

        private EventFunctionDeclaration? ReadPassThrough(EventSourceKind kind, IMethodSymbol method, AttributeData attribute, Location? attributeLocation, AttributeData? functionAttribute, Location? functionLocation, string name)
        {
            var trigger = ReadTrigger(kind, attribute, attributeLocation, method.Name, out _);
            var deployment = functionAttribute is null
                ? new FunctionDeployment(0, 0, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty, EquatableArray<string>.Empty)
                : _functions.ReadDeployment(functionAttribute, functionLocation);
            if (_functions.ReadShape(method, name, functionLocation) is not { } function || trigger is null)
            {
                return null;
            }

            var reportsFailures = BatchResponseTypes.Classify(method) == BatchResponseKind.BatchResponse;
            var shape = new EventFunctionShape(
                kind,
                function.Name,
                function.Namespace,
                function.HandlerTypeName,
                function.HandlerString,
                function.ContainingType,
                function.MethodName,
                function.MethodDisplay,
                function.IsStatic,
                function.ConstructorServices,
                EquatableArray<EventParameter>.Empty,
                function.Invocation,
                WireFormat.None,
                null,
                null,
                1,
                function.ExplicitJsonContext,
                function.HintName)
            {
                PassThrough = function,
            };

            return new EventFunctionDeclaration(shape, deployment, trigger with { ReportsBatchFailures = reportsFailures });
        }

        private static string KindText(EventSourceKind kind) => EventSourceAttributes.Describe(kind);

        private static string ItemText(EventSourceKind kind) => EventSourceAttributes.ItemName(kind);

        /// <summary>The sources whose items have a body the method can take typed: a message, a record's data, an event's detail.</summary>
        private static bool HasBody(EventSourceKind kind) => kind is EventSourceKind.Sqs or EventSourceKind.Sns or EventSourceKind.Kinesis or EventSourceKind.EventBridge;

        private (EquatableArray<EventParameter> Parameters, WireFormat BodyFormat, TypeRef? BodyType, string? Mapper) ReadParameters(EventSourceKind kind, IMethodSymbol method, ref bool complete)
        {
            var parameters = ImmutableArray.CreateBuilder<EventParameter>(method.Parameters.Length);
            var bodyFormat = WireFormat.None;
            TypeRef? bodyType = null;
            ITypeSymbol? model = null;
            var images = 0;
            var hasDetails = false;
            var problemsBefore = Problems.Count;
            var detailsName = EventSourceAttributes.DetailsType(kind);
            var details = detailsName is null ? null : _compilation.GetTypeByMetadataName(detailsName);
            foreach (var parameter in method.Parameters)
            {
                var location = parameter.Locations.FirstOrDefault(l => l.IsInSource);
                if (string.IsNullOrEmpty(parameter.Name) || parameter.Type.TypeKind == TypeKind.Error)
                {
                    complete = false;
                    continue;
                }

                if (FunctionReader.UnbindableReason(parameter) is { } reason)
                {
                    Problems.Add(new FunctionProblem(FunctionRules.UnbindableParameter, location, parameter.Name, reason));
                    continue;
                }

                var type = TypeNames.RefOf(parameter.Type, parameter.NullableAnnotation == NullableAnnotation.Annotated || parameter.HasExplicitDefaultValue);
                if (_lambdaContext is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, _lambdaContext))
                {
                    parameters.Add(new EventParameter(EventParameterSource.LambdaContext, type, parameter.Name));
                }
                else if (SymbolEqualityComparer.Default.Equals(parameter.Type, _cancellationToken))
                {
                    if (_lambdaContext is null)
                    {
                        Problems.Add(new FunctionProblem(FunctionRules.CancellationNeverSignalled, location, parameter.Name));
                    }

                    parameters.Add(new EventParameter(EventParameterSource.CancellationToken, type, parameter.Name));
                }
                else if (_fromServices is not null && parameter.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _fromServices)))
                {
                    parameters.Add(new EventParameter(EventParameterSource.Service, type, parameter.Name));
                }
                else if (kind == EventSourceKind.DynamoDB)
                {
                    ReadImage(kind, method, parameter, type, location, parameters, ref model, ref images);
                }
                else if (details is not null && SymbolEqualityComparer.Default.Equals(parameter.Type.WithNullableAnnotation(NullableAnnotation.None), details))
                {
                    hasDetails = true;
                    parameters.Add(new EventParameter(EventParameterSource.Details, type, parameter.Name));
                }
                else if (!HasBody(kind))
                {
                    var shortName = detailsName!.Substring(detailsName.LastIndexOf('.') + 1);
                    Unsupported(method, kind, location, $"'{parameter.Name}' is neither {shortName}, ILambdaContext, CancellationToken nor [FromServices]");
                }
                else if (bodyFormat != WireFormat.None)
                {
                    Unsupported(method, kind, location, $"'{parameter.Name}' would be a second {BodyName(kind)}; a function handles one {ItemText(kind)} at a time");
                }
                else if (_functions.IsStream(parameter.Type))
                {
                    Unsupported(method, kind, location, $"'{parameter.Name}' is a Stream; take the {BodyName(kind)} as a string or a typed value");
                }
                else if (kind == EventSourceKind.Sqs && WholeBatchElement(parameter.Type) is { } element)
                {
                    // The whole batch at once: each body read as the element type, the method called once.
                    _wholeBatch = true;
                    bodyFormat = element.SpecialType == SpecialType.System_String ? WireFormat.String : WireFormat.Json;
                    bodyType = TypeNames.RefOf(element, element.NullableAnnotation == NullableAnnotation.Annotated);
                    parameters.Add(new EventParameter(EventParameterSource.Body, type, parameter.Name));
                }
                else
                {
                    bodyFormat = parameter.Type.SpecialType == SpecialType.System_String ? WireFormat.String
                        : kind == EventSourceKind.Kinesis && parameter.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte } ? WireFormat.Bytes
                        : WireFormat.Json;
                    bodyType = type;
                    parameters.Add(new EventParameter(EventParameterSource.Body, type, parameter.Name));
                }
            }

            string? mapper = null;
            if (model is not null)
            {
                mapper = "global::" + (model.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." : string.Empty) + model.Name + "Mapper";
            }

            // A parameter already reported explains the missing body or image better than a second message would.
            var methodLocation = method.Locations.FirstOrDefault(l => l.IsInSource);
            var alreadyExplained = Problems.Count > problemsBefore || !complete;
            if (alreadyExplained)
            {
                return (new EquatableArray<EventParameter>(parameters.ToImmutable()), bodyFormat, bodyType, mapper);
            }

            if (kind is EventSourceKind.Sqs or EventSourceKind.Sns or EventSourceKind.Kinesis && bodyFormat == WireFormat.None)
            {
                Unsupported(method, kind, methodLocation, $"it has no parameter for the {BodyName(kind)}; add one (string or a typed value)");
            }
            else if (kind == EventSourceKind.S3 && !hasDetails)
            {
                Unsupported(method, kind, methodLocation, "it has no S3ObjectEvent parameter for the record");
            }
            else if (kind == EventSourceKind.DynamoDB && model is null)
            {
                Unsupported(method, kind, methodLocation, "it has no image parameter; take (Order? oldImage, Order? newImage) or DynamoDBChange<Order> for a [DynamoDBTable] model");
            }

            return (new EquatableArray<EventParameter>(parameters.ToImmutable()), bodyFormat, bodyType, mapper);
        }

        /// <summary>The element of <c>IReadOnlyList&lt;T&gt;</c>: an SQS method that takes the whole batch.</summary>
        private static ITypeSymbol? WholeBatchElement(ITypeSymbol type) =>
            type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } list &&
            list.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IReadOnlyList_T
                ? list.TypeArguments[0]
                : null;

        private static string BodyName(EventSourceKind kind) => kind switch
        {
            EventSourceKind.Kinesis => "record data",
            EventSourceKind.EventBridge => "event detail",
            _ => "message body",
        };

        private void ReadImage(EventSourceKind kind, IMethodSymbol method, IParameterSymbol parameter, TypeRef type, Location? location, ImmutableArray<EventParameter>.Builder parameters, ref ITypeSymbol? model, ref int images)
        {
            if (parameter.Type is INamedTypeSymbol { IsGenericType: true } generic && _change is not null && SymbolEqualityComparer.Default.Equals(generic.OriginalDefinition, _change))
            {
                if (AcceptModel(method, kind, location, generic.TypeArguments[0], ref model))
                {
                    parameters.Add(new EventParameter(EventParameterSource.Change, type, parameter.Name));
                    images = 2;
                }
            }
            else if (IsModel(parameter.Type))
            {
                if (images >= 2)
                {
                    Unsupported(method, kind, location, $"'{parameter.Name}' would be a third image; take (oldImage, newImage) or one DynamoDBChange<T>");
                    return;
                }

                if (!AcceptModel(method, kind, location, parameter.Type, ref model))
                {
                    return;
                }

                // (old, new) by position; a single image is the new one unless its name says old.
                var isOld = images == 0 && (method.Parameters.Count(p => IsModel(p.Type)) == 2 || parameter.Name.StartsWith("old", StringComparison.OrdinalIgnoreCase));
                parameters.Add(new EventParameter(isOld ? EventParameterSource.OldImage : EventParameterSource.NewImage, type, parameter.Name));
                images++;
            }
            else
            {
                var hint = parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } && _table is not null
                    ? $"'{parameter.Type.ToDisplayString()}' has no [DynamoDBTable], so no generated mapper can read it from the stream's images"
                    : $"'{parameter.Name}' is neither an image of a [DynamoDBTable] model, a DynamoDBChange<T>, ILambdaContext, CancellationToken nor [FromServices]";
                Unsupported(method, kind, location, hint);
            }
        }

        private bool IsModel(ITypeSymbol type) =>
            _table is not null && type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, _table));

        private bool AcceptModel(IMethodSymbol method, EventSourceKind kind, Location? location, ITypeSymbol type, ref ITypeSymbol? model)
        {
            if (!IsModel(type) || type.IsValueType)
            {
                Unsupported(method, kind, location, $"'{type.ToDisplayString()}' is not a [DynamoDBTable] class, so no generated mapper can read it");
                return false;
            }

            if (model is not null && !SymbolEqualityComparer.Default.Equals(model.WithNullableAnnotation(NullableAnnotation.None), type.WithNullableAnnotation(NullableAnnotation.None)))
            {
                Unsupported(method, kind, location, $"both images must be the same model ('{model.ToDisplayString()}')");
                return false;
            }

            model = type.WithNullableAnnotation(NullableAnnotation.None);
            return true;
        }

        private void Unsupported(IMethodSymbol method, EventSourceKind kind, Location? location, string reason) =>
            Problems.Add(new FunctionProblem(EventRules.UnsupportedHandler, location ?? method.Locations.FirstOrDefault(l => l.IsInSource), method.Name, KindText(kind), reason));

        /// <summary>The trigger alone (for the drift rules); its problems are the analyzer's to report.</summary>
        public EventTrigger? ReadTriggerOnly(EventSourceKind kind, AttributeData attribute, string methodName) =>
            ReadTrigger(kind, attribute, location: null, methodName, out _);

        private EventTrigger? ReadTrigger(EventSourceKind kind, AttributeData attribute, Location? location, string methodName, out int maxInBatchConcurrency)
        {
            maxInBatchConcurrency = 1;
            var attributeName = EventSourceAttributes.AttributeName(kind);
            string source;
            if (kind == EventSourceKind.EventBridge)
            {
                source = string.Empty;
            }
            else if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string argument)
            {
                return null;
            }
            else
            {
                source = argument;
            }

            var name = NamedString(attribute, "ResourceName");
            if (name is not null && !IsEventName(name))
            {
                OutOfRange(location, "ResourceName", attributeName, Quote(name), "a template event name is letters and digits");
            }

            switch (kind)
            {
                case EventSourceKind.Sqs:
                    return ReadSqsTrigger(attribute, location, attributeName, source, name, methodName, out maxInBatchConcurrency);
                case EventSourceKind.DynamoDB:
                case EventSourceKind.Kinesis:
                    return ReadStreamTrigger(kind, attribute, location, attributeName, source, name);
                case EventSourceKind.Sns:
                    CheckReference(location, "Topic", attributeName, source);
                    var policy = NamedString(attribute, "FilterPolicy");
                    if (policy is not null && !IsJsonObject(policy))
                    {
                        OutOfRange(location, "FilterPolicy", attributeName, Quote(policy), "a filter policy is a JSON object such as {\"kind\": [\"order\"]}");
                    }

                    return Trigger(kind, source, name ?? DefaultEventName(source, "SNSEvent", string.Empty)) with { FilterPolicy = policy };
                case EventSourceKind.S3:
                    if (!(source.Length > 1 && source[0] == '@' && IsEventName(source.Substring(1))))
                    {
                        OutOfRange(location, "Bucket", attributeName, Quote(source), "SAM subscribes a function only to a bucket of the same template: use '@LogicalId'");
                    }

                    var events = Split(NamedString(attribute, "Events") ?? "s3:ObjectCreated:*");
                    foreach (var item in events)
                    {
                        if (!item.StartsWith("s3:", StringComparison.Ordinal))
                        {
                            OutOfRange(location, "Events", attributeName, Quote(item), "S3 event types start with 's3:' (s3:ObjectCreated:*, s3:ObjectRemoved:*, …)");
                        }
                    }

                    return Trigger(kind, source, name ?? DefaultEventName(source, "S3Event", string.Empty)) with
                    {
                        Events = events,
                        Prefix = NamedString(attribute, "Prefix"),
                        Suffix = NamedString(attribute, "Suffix"),
                    };
                case EventSourceKind.Schedule:
                    if (ScheduleExpressions.Problem(source) is { } problem)
                    {
                        OutOfRange(location, "Schedule", attributeName, Quote(source), problem);
                    }

                    return Trigger(kind, source, name ?? "Schedule") with { Description = NamedString(attribute, "Description"), Enabled = NamedBool(attribute, "Enabled", true) };
                default:
                    var sources = Split(NamedString(attribute, "Source"));
                    var detailTypes = Split(NamedString(attribute, "DetailType"));
                    if (sources.Count == 0 && detailTypes.Count == 0)
                    {
                        OutOfRange(location, "Source and DetailType", attributeName, "empty", "a rule needs at least one of them to match events");
                    }

                    return Trigger(kind, source, name ?? "EventBridgeRule") with { Events = sources, DetailTypes = detailTypes, EventBus = NamedString(attribute, "EventBus") };
            }
        }

        private static EventTrigger Trigger(EventSourceKind kind, string source, string eventName) =>
            new EventTrigger(kind, source, eventName, 0, 0, 0, null, -1, null, EquatableArray<string>.Empty, true);

        private static EquatableArray<string> Split(string? list) =>
            (list ?? string.Empty).Split(';').Select(f => f.Trim()).Where(f => f.Length > 0).ToEquatableArray();

        /// <summary>JSON that parses to an object: it is embedded in the manifest as JSON, so anything else would break it.</summary>
        private static bool IsJsonObject(string text) =>
            Deployment.Templates.LenientJsonParser.Parse(text) is { Error: null, Root: Deployment.Templates.TemplateMapping };

        private void CheckReference(Location? location, string setting, string attributeName, string value)
        {
            if (!IsReference(value))
            {
                OutOfRange(location, setting, attributeName, Quote(value), "use '@LogicalId' of a template resource or an ARN ('arn:…')");
            }
        }

        private EquatableArray<string> ReadFilters(AttributeData attribute, Location? location, string attributeName)
        {
            var filters = Split(NamedString(attribute, "Filters"));
            foreach (var filter in filters)
            {
                if (!IsJsonObject(filter))
                {
                    OutOfRange(location, "Filters", attributeName, Quote(filter), "each filter is a JSON object pattern such as {\"body\": {\"type\": [\"order\"]}}");
                }
            }

            return filters;
        }

        private int ReadWindow(AttributeData attribute, Location? location, string attributeName)
        {
            var window = NamedInt(attribute, "MaximumBatchingWindowInSeconds", 0);
            if (window < 0 || window > 300)
            {
                OutOfRange(location, "MaximumBatchingWindowInSeconds", attributeName, Number(window), "AWS accepts 0 to 300 seconds");
            }

            return window;
        }

        private EventTrigger ReadSqsTrigger(AttributeData attribute, Location? location, string attributeName, string source, string? name, string methodName, out int maxInBatchConcurrency)
        {
            CheckReference(location, "Queue", attributeName, source);
            var batchSize = NamedInt(attribute, "BatchSize", 0);
            var window = ReadWindow(attribute, location, attributeName);
            var filters = ReadFilters(attribute, location, attributeName);
            var isFifo = source.EndsWith(".fifo", StringComparison.Ordinal);
            if (batchSize < 0 || batchSize > 10000)
            {
                OutOfRange(location, "BatchSize", attributeName, Number(batchSize), "AWS accepts 1 to 10, or up to 10,000 on a standard queue with a batching window");
            }
            else if (batchSize > 10 && isFifo)
            {
                OutOfRange(location, "BatchSize", attributeName, Number(batchSize), "a FIFO queue accepts 1 to 10");
            }
            else if (batchSize > 10 && window == 0)
            {
                OutOfRange(location, "BatchSize", attributeName, Number(batchSize), "above 10 messages AWS requires MaximumBatchingWindowInSeconds of at least 1");
            }

            if (isFifo && window > 0 && window <= 300)
            {
                OutOfRange(location, "MaximumBatchingWindowInSeconds", attributeName, Number(window), "a FIFO queue has no batching window");
            }

            var concurrency = NamedInt(attribute, "MaximumConcurrency", 0);
            if (concurrency != 0 && (concurrency < 2 || concurrency > 1000))
            {
                OutOfRange(location, "MaximumConcurrency", attributeName, Number(concurrency), "AWS accepts 2 to 1,000");
            }

            maxInBatchConcurrency = NamedInt(attribute, "MaxInBatchConcurrency", 1);
            if (maxInBatchConcurrency < 1 || maxInBatchConcurrency > 100)
            {
                OutOfRange(location, "MaxInBatchConcurrency", attributeName, Number(maxInBatchConcurrency), "it is 1 (one message at a time) to 100");
                maxInBatchConcurrency = 1;
            }
            else if (maxInBatchConcurrency > 1 && isFifo)
            {
                Problems.Add(new FunctionProblem(EventRules.FifoConcurrency, location, methodName, maxInBatchConcurrency, Quote(source)));
            }

            return new EventTrigger(EventSourceKind.Sqs, source, name ?? DefaultEventName(source, "SQSEvent", string.Empty), batchSize, window, concurrency, null, -1, null, filters, NamedBool(attribute, "Enabled", true));
        }

        private EventTrigger ReadStreamTrigger(EventSourceKind kind, AttributeData attribute, Location? location, string attributeName, string source, string? name)
        {
            CheckReference(location, "Stream", attributeName, source);
            var batchSize = NamedInt(attribute, "BatchSize", 0);
            var window = ReadWindow(attribute, location, attributeName);
            var filters = ReadFilters(attribute, location, attributeName);
            if (batchSize < 0 || batchSize > 10000)
            {
                OutOfRange(location, "BatchSize", attributeName, Number(batchSize), "AWS accepts 1 to 10,000");
            }

            var startingPosition = NamedString(attribute, "StartingPosition") ?? "LATEST";
            if (startingPosition is not ("LATEST" or "TRIM_HORIZON"))
            {
                OutOfRange(location, "StartingPosition", attributeName, Quote(startingPosition), kind == EventSourceKind.DynamoDB
                    ? "a DynamoDB stream starts at LATEST or TRIM_HORIZON"
                    : "a Kinesis trigger declared here starts at LATEST or TRIM_HORIZON (AT_TIMESTAMP needs a timestamp: declare that trigger in the template)");
            }

            var retries = NamedInt(attribute, "MaximumRetryAttempts", -1);
            if (retries < -1 || retries > 10000)
            {
                OutOfRange(location, "MaximumRetryAttempts", attributeName, Number(retries), "AWS accepts -1 (until the record expires) to 10,000");
            }

            var onFailure = NamedString(attribute, "OnFailure");
            if (onFailure is not null && !IsReference(onFailure))
            {
                OutOfRange(location, "OnFailure", attributeName, Quote(onFailure), "use '@LogicalId' of an SQS queue or SNS topic, or an ARN");
            }

            var fallback = kind == EventSourceKind.DynamoDB ? "DynamoDBEvent" : "KinesisEvent";
            var suffix = kind == EventSourceKind.DynamoDB ? "Stream" : string.Empty;
            return new EventTrigger(kind, source, name ?? DefaultEventName(source, fallback, suffix), batchSize, window, 0, startingPosition, retries, onFailure, filters, NamedBool(attribute, "Enabled", true));
        }

        private void OutOfRange(Location? location, string setting, string attributeName, string value, string accepted) =>
            Problems.Add(new FunctionProblem(EventRules.SettingOutOfRange, location, setting, attributeName, value, accepted));

        internal static bool IsReference(string value) =>
            (value.Length > 1 && value[0] == '@' && IsEventName(value.Substring(1))) || value.StartsWith("arn:", StringComparison.Ordinal);

        private static bool IsEventName(string name) => name.Length > 0 && name.All(c => c < 128 && char.IsLetterOrDigit(c));

        /// <summary>The template event's name: the resource's logical ID (plus a suffix), or a fixed name for an ARN.</summary>
        private static string DefaultEventName(string source, string fallback, string suffix) =>
            source.Length > 1 && source[0] == '@' && IsEventName(source.Substring(1)) ? source.Substring(1) + suffix : fallback;

        private static string Quote(string value) => "'" + value + "'";

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static int NamedInt(AttributeData attribute, string name, int fallback)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is int value)
                {
                    return value;
                }
            }

            return fallback;
        }

        private static bool NamedBool(AttributeData attribute, string name, bool fallback)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is bool value)
                {
                    return value;
                }
            }

            return fallback;
        }

        private static string? NamedString(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Value is string value)
                {
                    return value;
                }
            }

            return null;
        }
    }
}
